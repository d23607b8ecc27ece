package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.RuntimeControl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.Test;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The control endpoints over real HTTP: the deployments' status and levels, policies and backends as JSON; a PATCH
 * written to the deployment's configuration through ConfigAdmin (and, for a deployment from a FileInstall file, saved
 * to that file) and shown by its status; bad changes refused with
 * 400 naming the key and nothing written; the control token required once configured.
 */
public class HttpControlIT extends GatewayIT {
    private static final String DEFAULT = "/dynofa/v1/deployments/default";

    @Override
    protected List<String> modules() {
        return HttpCalls.gatewayWithHttp();
    }

    @Override
    protected Map<String, Map<String, String>> configurations() {
        return HttpCalls.configurations(Map.of());
    }

    @Test
    public void deploymentsListAndDetailShowTheStatusLevelsAndPolicies() {
        ready();
        HttpCalls http = HttpCalls.of(context);
        HttpCalls.Reply list = http.get("/dynofa/v1/deployments");
        assertEquals(list.toString(), 200, list.status());
        assertEquals(1, list.array().size());
        JsonObject entry = list.array().get(0).getAsJsonObject();
        assertEquals("default", entry.get("deployment").getAsString());
        assertEquals("READY", entry.get("state").getAsString());
        assertEquals(FAMILY, entry.get("family").getAsString());
        for (String field : List.of("policy", "backend", "level", "levelIndex", "targetMs", "latencyMeanMs",
            "switches", "failed", "rejected", "problems", "problemDetails", "priority", "pinned", "signals")) {
            assertTrue(field + " in " + entry, entry.has(field));
        }
        JsonObject detail = http.get(DEFAULT).object();
        RuntimeControl control = control();
        JsonArray levels = detail.getAsJsonArray("levels");
        assertEquals(control.levels().size(), levels.size());
        JsonObject first = levels.get(0).getAsJsonObject();
        assertEquals(control.levels().get(0).id(), first.get("id").getAsString());
        assertTrue(first.get("top1").getAsDouble() > 0);
        assertTrue(first.get("latencyMs").getAsDouble() > 0);
        assertTrue(names(detail.getAsJsonArray("policies")).contains("dynofa-step"));
        assertEquals(404, http.get("/dynofa/v1/deployments/nobody").status());
    }

    @Test
    public void policiesAndBackendsNameTheDeploymentsUsingThem() {
        ready();
        HttpCalls http = HttpCalls.of(context);
        RuntimeControl control = control();
        JsonArray policies = http.get("/dynofa/v1/policies").array();
        for (String installed : control.policies()) {
            find(policies, "name", installed);
        }
        JsonObject used = find(policies, "name", control.status().policy());
        assertEquals("[\"default\"]", used.get("deployments").toString());
        JsonObject cpu = find(http.get("/dynofa/v1/backends").array(), "id", control.status().backendId());
        assertTrue(cpu.get("usable").getAsBoolean());
        assertEquals("[\"default\"]", cpu.get("deployments").toString());
    }

    @Test
    public void aPatchReachesConfigAdminAndTheStatusShowsIt() throws IOException {
        ready();
        HttpCalls http = HttpCalls.of(context);
        HttpCalls.Reply patched = http.json("PATCH", DEFAULT, "{\"targetLatencyMs\": 7.25, \"accuracyFloor\": 12.5}");
        assertEquals(patched.toString(), 200, patched.status());
        assertTrue(patched.toString(), patched.object().get("applied").getAsBoolean());
        assertEquals(7.25, patched.object().get("targetMs").getAsDouble(), 0);
        assertEquals(12.5, patched.object().get("accuracyFloor").getAsDouble(), 0);
        Dictionary<String, Object> stored = runtimeConfiguration();
        assertEquals(7.25, ((Number) stored.get("targetLatencyMs")).doubleValue(), 0);
        assertEquals("the IT's own keys kept", "50", stored.get("decisionIntervalMs"));
        assertEquals(7.25, http.get(DEFAULT).object().get("targetMs").getAsDouble(), 0);
        assertEquals(7.25, control().status().targetMs(), 0);

        Level fastest = control().levels().get(0);
        HttpCalls.Reply pinned = http.json("PATCH", DEFAULT, "{\"pinnedLevel\": \"" + fastest.id() + "\"}");
        assertEquals(pinned.toString(), 200, pinned.status());
        assertTrue(pinned.object().get("pinned").getAsBoolean());
        assertEquals(fastest.id(), pinned.object().get("level").getAsString());
        HttpCalls.Reply unpinned = http.json("PATCH", DEFAULT, "{\"pinnedLevel\": \"\"}");
        assertFalse(unpinned.toString(), unpinned.object().get("pinned").getAsBoolean());

        HttpCalls.Reply policy = http.json("PATCH", DEFAULT, "{\"policy\": \"lut-fit\"}");
        assertEquals(policy.toString(), "lut-fit", policy.object().get("policy").getAsString());
        assertEquals("lut-fit", runtimeConfiguration().get("policy"));
    }

    @Test
    public void badChangesAreRefusedNamingTheKeyAndNothingIsWritten() throws IOException {
        ready();
        HttpCalls http = HttpCalls.of(context);
        Object before = runtimeConfiguration().get("targetLatencyMs");
        expect(http.json("PATCH", DEFAULT, "{\"targetLatencyMs\": -1}"), 400, "targetLatencyMs");
        expect(http.json("PATCH", DEFAULT, "{\"targetLatencyMs\": \"fast\"}"), 400, "targetLatencyMs");
        expect(http.json("PATCH", DEFAULT, "{\"accuracyFloor\": 101}"), 400, "accuracyFloor");
        expect(http.json("PATCH", DEFAULT, "{\"targetLatencyMs\": 5, \"bogus\": 1}"), 400, "bogus");
        expect(http.json("PATCH", DEFAULT, "{\"policy\": \"no-such-policy\"}"), 400, "no-such-policy");
        expect(http.json("PATCH", DEFAULT, "{\"pinnedLevel\": \"ofa-999\"}"), 400, "ofa-999");
        expect(http.json("PATCH", DEFAULT, "{}"), 400, "nothing to change");
        expect(http.json("PATCH", DEFAULT, "{\"targetLatencyMs\": 5"), 400, "malformed JSON");
        expect(http.json("PATCH", "/dynofa/v1/deployments/nobody", "{\"targetLatencyMs\": 5}"), 404, "nobody");
        expect(http.json("POST", DEFAULT, "{\"targetLatencyMs\": 5}"), 405, "POST");
        assertEquals("nothing written", before, runtimeConfiguration().get("targetLatencyMs"));
    }

    @Test
    public void aPatchOfADeploymentFromAFileIsSavedToThatFile() throws IOException {
        ready();
        String pid = "io.dynofa.deployment-filed";
        writeCfgFile(pid, ("# an operator's note\nfamily = " + FAMILY + "\ntargetLatencyMs = 5\ndecisionIntervalMs = 50\n"
            + "warmupRuns = 10\nprofileRuns = 20\n").getBytes(StandardCharsets.ISO_8859_1));
        HttpCalls http = HttpCalls.of(context);
        String filed = "/dynofa/v1/deployments/filed";
        await("deployment filed serving").until(() -> http.get(filed).status() == 200
            && "READY".equals(http.get(filed).object().get("state").getAsString()));
        HttpCalls.Reply patched = http.json("PATCH", filed, "{\"targetLatencyMs\": 7.25, \"policy\": \"lut-fit\"}");
        assertEquals(patched.toString(), 200, patched.status());
        assertTrue(patched.toString(), patched.object().get("applied").getAsBoolean());
        Path file = fileInstallDir().resolve(pid + ".cfg");
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        assertEquals(lines.toString(), "# an operator's note", lines.get(0));
        assertTrue(lines.toString(), lines.contains("targetLatencyMs = 7.25"));
        assertTrue(lines.toString(), lines.contains("policy = lut-fit"));
        assertTrue("the file's other keys kept: " + lines, lines.contains("decisionIntervalMs = 50"));
        try (Stream<Path> folder = Files.list(fileInstallDir())) {
            assertEquals("no scratch file left in the watched folder", List.of(file), folder.toList());
        }
        await("FileInstall reading the saved file finds the same change").during(Duration.ofMillis(600))
            .until(() -> http.get(filed).object().get("targetMs").getAsDouble() == 7.25);
        Files.delete(file);
        await("deployment filed gone with its file").until(() -> http.get(filed).status() == 404);
    }

    @Test
    public void aConfiguredTokenIsRequiredForChanges() {
        ready();
        HttpCalls http = HttpCalls.of(context);
        configure("io.dynofa.http", Map.of("controlToken", "s3cret-token"));
        try {
            await("the token in force").ignoreExceptions()
                .until(() -> http.json("PATCH", DEFAULT, "{\"targetLatencyMs\": 3}").status() == 401);
            HttpCalls.Reply none = http.json("PATCH", DEFAULT, "{\"targetLatencyMs\": 3}");
            assertTrue(none.toString(), none.error().contains("Bearer"));
            assertTrue(none.response().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
            expect(http.json("PATCH", DEFAULT, "{\"targetLatencyMs\": 3}", "Authorization", "Bearer wrong"), 401,
                "wrong control token");
            HttpCalls.Reply allowed = http.json("PATCH", DEFAULT, "{\"targetLatencyMs\": 3}", "Authorization",
                "Bearer s3cret-token");
            assertEquals(allowed.toString(), 200, allowed.status());
            assertEquals("reading needs no token", 200, http.get(DEFAULT).status());
        } finally {
            deleteConfiguration("io.dynofa.http");
        }
        await("no token in force").ignoreExceptions()
            .until(() -> http.json("PATCH", DEFAULT, "{\"targetLatencyMs\": 4}").status() == 200);
    }

    private static void expect(HttpCalls.Reply reply, int status, String inError) {
        reply.assertError(status, inError);
    }

    private Dictionary<String, Object> runtimeConfiguration() throws IOException {
        return service(ConfigurationAdmin.class).getConfiguration(RUNTIME_PID, "?").getProperties();
    }

    private static List<String> names(JsonArray values) {
        return StreamSupport.stream(values.spliterator(), false).map(JsonElement::getAsString).toList();
    }

    private static JsonObject find(JsonArray entries, String key, String value) {
        return StreamSupport.stream(entries.spliterator(), false).map(JsonElement::getAsJsonObject)
            .filter(e -> value.equals(e.get(key).getAsString())).findFirst()
            .orElseThrow(() -> new AssertionError("no " + key + " " + value + " in " + entries));
    }
}
