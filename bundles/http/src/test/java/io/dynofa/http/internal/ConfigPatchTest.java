package io.dynofa.http.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import io.dynofa.policy.api.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class ConfigPatchTest {
    private static final List<String> POLICIES = List.of("dynofa-step", "slack-fit");
    private static final List<Level> LEVELS = List.of(new Level(0, "ofa-01", 80, 0.1), new Level(1, "ofa-09", 90, 0.3));

    @Test
    public void turnsEveryAcceptedKeyIntoItsProperty() throws HttpError {
        Map<String, Object> changes = ConfigPatch.of(json("{\"targetLatencyMs\": 0.4, \"accuracyFloor\": 0,"
            + " \"policy\": \"slack-fit\", \"pinnedLevel\": \"ofa-09\"}"), POLICIES, LEVELS);
        assertEquals(Map.of("targetLatencyMs", 0.4, "accuracyFloor", 0.0, "policy", "slack-fit", "pinnedLevel",
            "ofa-09"), changes);
        assertEquals(Map.of("pinnedLevel", ""), ConfigPatch.of(json("{\"pinnedLevel\": \"\"}"), POLICIES, LEVELS));
        assertEquals(Map.of("targetLatencyMs", 60_000.0), ConfigPatch.of(json("{\"targetLatencyMs\": 60000}"),
            POLICIES, LEVELS));
    }

    @Test
    public void refusesBadValuesNamingTheKey() {
        refused("{\"targetLatencyMs\": 0}", "targetLatencyMs: must be a number above 0 and at most 60000, got 0");
        refused("{\"targetLatencyMs\": 60000.5}", "targetLatencyMs");
        refused("{\"targetLatencyMs\": \"1\"}", "targetLatencyMs");
        refused("{\"accuracyFloor\": -0.5}", "accuracyFloor: must be a number at least 0 and at most 100");
        refused("{\"accuracyFloor\": null}", "accuracyFloor");
        refused("{\"policy\": \"alert\"}", "policy 'alert' is not installed (installed: dynofa-step, slack-fit)");
        refused("{\"policy\": 3}", "policy: must be a string");
        refused("{\"pinnedLevel\": \"ofa-05\"}", "level 'ofa-05' is not an active level (active: ofa-01, ofa-09");
        refused("{\"targetMs\": 1}", "unknown key 'targetMs'");
        refused("{}", "nothing to change");
    }

    private static void refused(String body, String message) {
        HttpError e = assertThrows(HttpError.class, () -> ConfigPatch.of(json(body), POLICIES, LEVELS));
        assertEquals(400, e.status());
        assertTrue(e.getMessage(), e.getMessage().contains(message));
    }

    private static JsonObject json(String text) {
        try {
            return Json.parse(text.getBytes(StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (HttpError e) {
            throw new AssertionError(e);
        }
    }
}
