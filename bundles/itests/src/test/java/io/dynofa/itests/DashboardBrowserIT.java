package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import io.dynofa.runtime.api.Deployments;
import io.dynofa.runtime.api.RuntimeStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.Test;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The dashboard in a real browser: the gateway with its HTTP bundles and the demo camera serving, Debian's
 * chromium opens {@code /dashboard/} and the test reads the page's state through the DevTools protocol. The plot
 * of the default deployment gains points poll after poll (live data); a target the runtime refuses shows its
 * error and changes nothing; a target set in the page's form reaches the deployment's configuration in
 * ConfigAdmin, the runtime's status and the page itself.
 */
public class DashboardBrowserIT extends GatewayIT {
    private static final String DEMO = "io.dynofa.demo";
    private static final double FIRST_TARGET_MS = 1.5;
    private static final double NEW_TARGET_MS = 2.5;
    private static final String VIEW = "document.querySelector('section.deployment[data-deployment=\""
        + Deployments.DEFAULT + "\"]')";

    @Override
    protected List<String> modules() {
        List<String> modules = new ArrayList<>(HttpCalls.gatewayWithHttp());
        modules.add("dashboard");
        return modules;
    }

    @Override
    protected Map<String, Map<String, String>> configurations() {
        Map<String, Map<String, String>> configurations = new LinkedHashMap<>(HttpCalls.configurations(Map.of()));
        configurations.put(RUNTIME_PID, Map.of("targetLatencyMs", String.valueOf(FIRST_TARGET_MS)));
        configurations.put(DEMO, Map.of("enabled", "true", "fps", "50", "loop", "true",
            "sampleDir", modelsDir().resolve(SAMPLE).toString()));
        return configurations;
    }

    @Test
    public void thePagePlotsLiveDataAndItsTargetFormReachesTheRuntime() throws Exception {
        ready();
        try (HeadlessChromium chromium = HeadlessChromium.start(fileInstallDir().getParent().resolveSibling(
            "chromium"))) {
            DevToolsSession page = chromium.page();
            URI dashboard = HttpCalls.endpoint(context).resolve("dashboard/");
            HttpResponse<String> served = GatewayHttp.get(dashboard);
            assertTrue("the page at " + dashboard + ": " + served.statusCode() + " " + served.headers().map() + " "
                + served.body(), served.statusCode() == 200 && served.body().contains("dashboard.js"));
            page.navigate(dashboard.toString());

            int first = seen(page, () -> await("the default deployment's plot has a point")
                .until(() -> points(page), p -> p > 0));
            await("the plot gains points poll after poll").until(() -> points(page), p -> p >= first + 3);
            assertEquals(FIRST_TARGET_MS, target(page), 0);

            submitTarget(page, "0");
            String refused = answered(page, "a target of 0 ms");
            assertTrue("the error names the key: " + refused, refused.startsWith("400 ")
                && refused.contains("targetLatencyMs") && refused.contains("\"error\""));
            assertEquals(FIRST_TARGET_MS, configured("targetLatencyMs"), 0);

            submitTarget(page, String.valueOf(NEW_TARGET_MS));
            String accepted = answered(page, "the new target");
            assertTrue(accepted, accepted.startsWith("200 "));
            await("the target in ConfigAdmin").until(() -> configured("targetLatencyMs"), t -> t == NEW_TARGET_MS);
            await("the target in the runtime's status").until(() -> control().status().targetMs(),
                t -> t == NEW_TARGET_MS);
            await("the target on the page").until(() -> target(page), t -> t == NEW_TARGET_MS);

            String level = otherLevel(page, control().status().levelId());
            submit(page, "form.pin", "form.elements.pinnedLevel.value = '" + level + "';");
            String pinned = answered(page, "pinning " + level);
            assertTrue(pinned, pinned.startsWith("200 "));
            await("the pin in ConfigAdmin").until(() -> configured().get("pinnedLevel"), level::equals);
            await("the runtime serves the pinned level").until(() -> control().status().levelId(), level::equals);
            submit(page, "button.unpin", "");
            String unpinned = answered(page, "unpinning");
            assertTrue(unpinned, unpinned.startsWith("200 "));
            await("the pin gone from ConfigAdmin").until(() -> configured().getOrDefault("pinnedLevel", ""), ""::equals);

            int updates = Integer.parseInt(canvas(page, "updates"));
            await("still live after the changes").until(() -> Integer.parseInt(canvas(page, "updates")),
                u -> u > updates + 2);
            assertEquals(RuntimeStatus.State.READY, control().status().state());
        }
    }

    /** {@code wait}'s value; when it times out, the failure says what the page showed. */
    private static <T> T seen(DevToolsSession page, Callable<T> wait) throws Exception {
        try {
            return wait.call();
        } catch (RuntimeException e) {
            throw new AssertionError(e.getMessage() + "; the page at " + page.evaluate("location.href") + " showed: "
                + page.evaluate("document.body ? document.body.innerText.slice(0, 2000) : document.title"));
        }
    }

    /** A level the page offers to pin other than {@code current}, once the page has the deployment's levels. */
    private static String otherLevel(DevToolsSession page, String current) {
        JsonArray levels = await("the levels to pin").until(() -> page.evaluate("[..." + VIEW
            + ".querySelector('select[name=pinnedLevel]').options].map(o => o.value)").getAsJsonArray(),
            offered -> offered.size() > 1);
        for (JsonElement level : levels) {
            if (!level.getAsString().equals(current)) {
                return level.getAsString();
            }
        }
        throw new AssertionError("no level other than " + current + " offered: " + levels);
    }

    /** The number {@code key} of the default deployment's configuration in ConfigAdmin, NaN when absent. */
    private double configured(String key) throws IOException {
        Object value = configured().get(key);
        return value == null ? Double.NaN : Double.parseDouble(value.toString());
    }

    /** The default deployment's configuration in ConfigAdmin, values as text. */
    private Map<String, String> configured() throws IOException {
        Dictionary<String, Object> properties = service(ConfigurationAdmin.class).getConfiguration(RUNTIME_PID, "?")
            .getProperties();
        Map<String, String> values = new HashMap<>();
        if (properties != null) {
            Collections.list(properties.keys()).forEach(k -> values.put(k, String.valueOf(properties.get(k))));
        }
        return values;
    }

    /** Types {@code value} into the deployment's target field and submits its form, as an operator does. */
    private static void submitTarget(DevToolsSession page, String value) {
        submit(page, "form.target", "form.elements.targetLatencyMs.value = '" + value + "';");
    }

    /**
     * Runs {@code fill} on the default deployment's control {@code control} (a form, or a button), then submits
     * the form (or clicks the button); the answer's status is cleared first so {@link #answered} waits for this one.
     */
    private static void submit(DevToolsSession page, String control, String fill) {
        page.evaluate("(() => { const view = " + VIEW + "; const form = view.querySelector('" + control + "'); "
            + fill + " view.querySelector('.answer').dataset.status = '0';"
            + " if (form.requestSubmit) { form.requestSubmit(); } else { form.click(); } })()");
    }

    /** The page's answer to the control just used: its HTTP status, a space, and what it shows. */
    private static String answered(DevToolsSession page, String what) {
        return await("the page's answer to " + what).until(() -> page.evaluate("(() => { const a = " + VIEW
            + ".querySelector('.answer'); return a.dataset.status + ' ' + a.textContent; })()").getAsString(),
            answer -> answer.matches("[1-9][0-9][0-9] (?s).*"));
    }

    private static int points(DevToolsSession page) {
        return Integer.parseInt(canvas(page, "points"));
    }

    private static double target(DevToolsSession page) {
        String target = canvas(page, "target");
        return target.isEmpty() ? Double.NaN : Double.parseDouble(target);
    }

    /** A data attribute of the default deployment's plot, "-1" before the page shows the deployment. */
    private static String canvas(DevToolsSession page, String attribute) {
        return page.evaluate("(() => { const view = " + VIEW + "; return view ? view.querySelector('canvas')"
            + ".dataset." + attribute + " : '-1'; })()").getAsString();
    }
}
