package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.dynofa.family.api.ModelFamily;
import io.dynofa.runtime.api.Problem;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * Families come and go with their folders (while the configured one is gone, a registered one serves); the
 * target in runtime-config drives the level chosen.
 */
public class FamilyLifecycleIT extends GatewayIT {
    private static final String COPY = "fmnist-ofa-copy";

    @Override
    protected Map<String, Map<String, String>> configurations() {
        return Map.of(RUNTIME_PID, Map.of("policy", "lut-fit"));
    }

    @Test
    public void familyAddedAndRemovedAtRuntime() throws Exception {
        ready();
        RuntimeControl control = control();
        Path copy = FamilyFolders.copyAs(modelsDir().resolve(FAMILY), modelsDir().resolve(COPY), COPY);
        await("family " + COPY + " registered").untilAsserted(() ->
            assertTrue("families " + control.families(), control.families().contains(COPY)));
        configure(RUNTIME_PID, Map.of("family", COPY, "policy", "lut-fit"));
        await("serving " + COPY).untilAsserted(() -> {
            RuntimeStatus status = control.status();
            assertEquals("family; status " + status, COPY, status.familyId());
            assertEquals("state; status " + status, RuntimeStatus.State.READY, status.state());
        });
        assertEquals(COPY, inference().infer(validInput()).familyId());

        FamilyFolders.delete(copy);
        await("family " + COPY + " gone").untilAsserted(() ->
            assertFalse("families " + control.families(), control.families().contains(COPY)));
        assertNull(current(ModelFamily.class, "(" + ModelFamily.FAMILY_ID + "=" + COPY + ")"));
        await("the registered family serving in its place, named as the fallback").untilAsserted(() -> {
            RuntimeStatus status = control.status();
            assertEquals("family; status " + status, FAMILY, status.familyId());
            List<Problem> fallback = status.problems(Problem.FAMILY_FALLBACK);
            assertEquals("fallback problems; status " + status, List.of(FAMILY),
                fallback.stream().map(Problem::subject).toList());
            assertTrue("the text names the missing family: " + fallback, fallback.get(0).text().contains(COPY));
        });
        assertEquals(FAMILY, inference().infer(validInput()).familyId());
        configure(RUNTIME_PID, Map.of("family", FAMILY, "policy", "lut-fit"));
        ready();
    }

    @Test
    public void editingTheTargetInRuntimeConfigChangesTheLevel() throws Exception {
        ready();
        RuntimeControl control = control();
        int top = control.levels().size() - 1;
        try (TrafficClient client = new TrafficClient(this::inference)) {
            writeCfgFile(RUNTIME_PID, Map.of("targetLatencyMs", "1000", "policy", "lut-fit",
                "decisionIntervalMs", "50"));
            awaitTargetAndLevel(control, 1000, top);
            writeCfgFile(RUNTIME_PID, Map.of("targetLatencyMs", "0.001", "policy", "lut-fit",
                "decisionIntervalMs", "50"));
            awaitTargetAndLevel(control, 0.001, 0);
            assertEquals("failed requests: " + client.failures(), 0, client.failures().size());
        }
    }

    private static void awaitTargetAndLevel(RuntimeControl control, double targetMs, int levelIndex) {
        await("target " + targetMs + " ms from runtime-config, level " + levelIndex).untilAsserted(() -> {
            RuntimeStatus status = control.status();
            assertEquals("target; status " + status, targetMs, status.targetMs(), 0);
            assertEquals("level index; status " + status, levelIndex, status.levelIndex());
        });
    }
}
