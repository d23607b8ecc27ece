package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.KeepWarmState;
import io.dynofa.runtime.api.KeepWarmState.Mode;
import io.dynofa.runtime.api.KeepWarmState.Pause;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The status tells what keeping levels warm does: paused while pinned, warming while serving, off by config. */
public class KeepWarmIT extends GatewayIT {
    private static final Map<String, String> RUNTIME = Map.of("decisionIntervalMs", "50", "warmupRuns", "10",
        "profileRuns", "20", "keepWarmMaxCpuLoad", "1");

    @Override
    protected Map<String, Map<String, String>> configurations() {
        return Map.of(RUNTIME_PID, RUNTIME);
    }

    @Test
    public void theStatusFollowsPinsTrafficAndConfigAdmin() throws Exception {
        ready();
        RuntimeControl control = control();
        List<Level> levels = control.levels();
        assertTrue("at least three levels, got " + levels, levels.size() >= 3);
        Level middle = levels.get(levels.size() / 2);

        control.pin(middle.id());
        try (TrafficClient traffic = new TrafficClient(this::inference)) {
            await("keep warm paused: a level is pinned").untilAsserted(() -> {
                KeepWarmState state = keepWarm(control);
                assertEquals("mode of " + state, Mode.PAUSED, state.mode());
                assertEquals("pause of " + state, Pause.PINNED, state.pause());
            });

            control.unpin();
            await("keep warm warming the serving level's neighbour").untilAsserted(() -> {
                RuntimeStatus status = control.status();
                int i = status.levelIndex();
                String neighbour = levels.get(i > 0 ? i - 1 : i + 1).id();
                KeepWarmState state = status.keepWarmState();
                assertNotNull("keep warm reported; status " + status, state);
                assertEquals("mode of " + state, Mode.WARMING, state.mode());
                assertTrue(state + " warms " + neighbour + ", the neighbour of " + status.levelId(),
                    state.levels().contains(neighbour));
                assertTrue("an interval in force: " + state, state.intervalMs() > 0);
            });

            Map<String, Object> off = new HashMap<>(RUNTIME);
            off.put("keepWarmNeighbours", "0");
            configure(RUNTIME_PID, off);
            await("keep warm off by configuration").untilAsserted(() ->
                assertEquals("mode of " + keepWarm(control), Mode.OFF, keepWarm(control).mode()));
            traffic.awaitServed(50);
            assertTrue("requests failed: " + traffic.failures(), traffic.failures().isEmpty());
        }
    }

    private static KeepWarmState keepWarm(RuntimeControl control) {
        RuntimeStatus status = control.status();
        assertNotNull("keep warm reported; status " + status, status.keepWarmState());
        return status.keepWarmState();
    }
}
