package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * The paper's rule selected through ConfigAdmin in the running gateway: fed by its own inference listener, it steps
 * down one full window at a time under a target no level can meet, and does not climb back once the target is
 * generous (no step-up on headroom).
 */
public class PaperStepIT extends GatewayIT {
    private static final String WINDOW = "5";

    @Override
    protected List<String> modules() {
        List<String> modules = new ArrayList<>(GATEWAY);
        modules.add("policy-paper-step");
        return modules;
    }

    @Override
    protected Map<String, Map<String, String>> configurations() {
        return Map.of("io.dynofa.policy.paperstep", Map.of("window", WINDOW));
    }

    @Test
    public void stepsDownToTheFastestLevelAndStaysThereOnHeadroom() throws Exception {
        ready();
        RuntimeControl control = control();
        await("paper-step registered").untilAsserted(() ->
            assertTrue("policies " + control.policies(), control.policies().contains("paper-step")));
        try (TrafficClient traffic = new TrafficClient(this::inference)) {
            RuntimeStatus before = control.status();
            configure(RUNTIME_PID, runtime(0.000_001));
            await("paper-step at the fastest level, over target").untilAsserted(() -> {
                RuntimeStatus status = control.status();
                assertEquals("status " + status, "paper-step", status.policy());
                assertEquals("status " + status, 0, status.levelIndex());
                assertTrue(status.lastDecision(), status.lastDecision().contains("of window " + WINDOW + "/"
                    + WINDOW + ", target 0.00 ms: over target, already at the fastest level"));
            });
            long switchesAtTheBottom = control.status().switches();
            assertTrue("one level at a time from level " + before.levelIndex() + ": " + before.switches() + " then "
                + switchesAtTheBottom + " switches", switchesAtTheBottom - before.switches() >= before.levelIndex());

            configure(RUNTIME_PID, runtime(60_000));
            await("a full window within the generous target").untilAsserted(() -> {
                RuntimeStatus status = control.status();
                assertTrue(status.lastDecision(), status.lastDecision().contains("of window " + WINDOW + "/"
                    + WINDOW + ", target 60000.00 ms: within target"));
                assertEquals("no step-up on headroom; status " + status, 0, status.levelIndex());
                assertEquals("status " + status, switchesAtTheBottom, status.switches());
            });
            assertEquals("failed requests: " + traffic.failures(), 0, traffic.failures().size());
        }
    }

    private static Map<String, Object> runtime(double targetLatencyMs) {
        Map<String, Object> properties = new HashMap<>(Map.of("decisionIntervalMs", 50L, "warmupRuns", 10,
            "profileRuns", 20));
        properties.put("policy", "paper-step");
        properties.put("targetLatencyMs", targetLatencyMs);
        return properties;
    }
}
