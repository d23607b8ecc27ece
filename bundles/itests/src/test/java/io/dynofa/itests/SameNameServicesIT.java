package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.itests.plugin.SameIdActivator;
import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.BackendInfo;
import io.dynofa.runtime.api.Problem;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Test;
import org.osgi.framework.Bundle;

/**
 * Two bundles offer a policy, a backend or a family under one id side by side (built in the test, see
 * {@link PluginBundle}): the one first in service order (highest ranking, then lowest service id) serves;
 * when its bundle stops, the id stays installed and the other one serves.
 */
public class SameNameServicesIT extends GatewayIT {
    private static final String SHARED_POLICY = "shared-policy";
    private static final String A = "io.dynofa.itests.plugin.a";
    private static final String B = "io.dynofa.itests.plugin.b";

    private final List<Bundle> installed = new ArrayList<>();

    @Override
    protected Map<String, Map<String, String>> configurations() {
        return Map.of(RUNTIME_PID, Map.of("policy", SHARED_POLICY, "fallbackPolicy", "dynofa-step"));
    }

    @After
    public void uninstallPlugins() throws Exception {
        for (Bundle bundle : installed) {
            bundle.uninstall();
        }
    }

    private Bundle plugin(String symbolicName, Map<String, String> headers) throws Exception {
        Path dir = fileInstallDir().resolveSibling(getClass().getSimpleName() + "-plugins");
        Bundle bundle = PluginBundle.start(context, dir, symbolicName, headers);
        installed.add(bundle);
        return bundle;
    }

    /** Waits until the policy of {@code bundle} made the last decision (its activator's reason names it). */
    private static void awaitDecidedBy(RuntimeControl control, String bundle) {
        await("the policy of " + bundle + " deciding").untilAsserted(() ->
            assertEquals("status " + control.status(), "decided by " + bundle, control.status().lastDecision()));
    }

    @Test
    public void whenOneOfTwoPoliciesOfOneNameStopsTheOtherDecides() throws Exception {
        ready();
        RuntimeControl control = control();
        Map<String, String> sharedPolicy = Map.of(SameIdActivator.POLICY, SHARED_POLICY, SameIdActivator.RANKING, "0");
        Bundle first = plugin(A, sharedPolicy);
        plugin(B, sharedPolicy);
        try (TrafficClient client = new TrafficClient(this::inference)) {
            awaitDecidedBy(control, A);

            first.stop();

            awaitDecidedBy(control, B);
            RuntimeStatus status = control.status();
            assertEquals(SHARED_POLICY, status.policy());
            assertTrue(control.policies().toString(), control.policies().contains(SHARED_POLICY));
            assertEquals(status.problemDetails().toString(), List.of(), status.problems(Problem.POLICY_UNKNOWN));
            client.awaitServed(100);
            assertEquals("failed requests: " + client.failures(), 0, client.failures().size());
        }
    }

    @Test
    public void whenTheHigherRankedOfTwoBackendsOfOneIdStopsTheOtherServesUnderThatId() throws Exception {
        ready();
        RuntimeControl control = control();
        Bundle first = plugin(A, Map.of(SameIdActivator.BACKEND, "cpu", SameIdActivator.RANKING, "10"));
        plugin(B, Map.of(SameIdActivator.BACKEND, "cpu", SameIdActivator.RANKING, "5"));
        awaitActiveBackendFrom(control, A);

        first.stop();

        awaitActiveBackendFrom(control, B);
        assertEquals("cpu", inference().infer(validInput()).backendId());
        assertEquals(RuntimeStatus.State.READY, control.status().state());
    }

    private static void awaitActiveBackendFrom(RuntimeControl control, String bundle) {
        await("one backend 'cpu', from " + bundle + ", serving").untilAsserted(() -> {
            List<BackendInfo> backends = control.backends();
            assertTrue("backends " + backends, backends.size() == 1 && backends.get(0).id().equals("cpu")
                && backends.get(0).description().startsWith(bundle + ": ") && backends.get(0).active());
            assertEquals("state; status " + control.status(), RuntimeStatus.State.READY, control.status().state());
        });
    }

    @Test
    public void whenTheHigherRankedOfTwoFamiliesOfOneIdStopsTheOtherServesWithoutAFailedRequest() throws Exception {
        ready();
        RuntimeControl control = control();
        List<String> firstLevels = List.of("ofa-01", "ofa-02", "ofa-03");
        List<String> secondLevels = List.of("ofa-04", "ofa-05", "ofa-06");
        Bundle first = plugin(A, Map.of(SameIdActivator.FAMILY, FAMILY, SameIdActivator.RANKING, "10",
            SameIdActivator.FAMILY_LEVELS, String.join(",", firstLevels)));
        plugin(B, Map.of(SameIdActivator.FAMILY, FAMILY, SameIdActivator.RANKING, "5",
            SameIdActivator.FAMILY_LEVELS, String.join(",", secondLevels)));
        awaitLevelsAmong(control, firstLevels);
        try (TrafficClient client = new TrafficClient(this::inference)) {
            client.awaitServed(100);

            first.stop();

            awaitLevelsAmong(control, secondLevels);
            client.awaitServed(100);
            assertEquals("failed requests: " + client.failures(), 0, client.failures().size());
        }
        assertEquals(List.of(FAMILY), control.families());
        assertEquals(FAMILY, control.status().familyId());
    }

    private static void awaitLevelsAmong(RuntimeControl control, List<String> offered) {
        await("the active levels among " + offered).untilAsserted(() -> {
            List<String> active = control.levels().stream().map(Level::id).toList();
            assertTrue("active levels " + active, !active.isEmpty() && offered.containsAll(active));
            assertEquals("state; status " + control.status(), RuntimeStatus.State.READY, control.status().state());
        });
    }
}
