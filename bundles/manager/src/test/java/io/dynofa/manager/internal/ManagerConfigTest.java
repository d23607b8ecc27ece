package io.dynofa.manager.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import io.dynofa.config.internal.ConfigRead;
import io.dynofa.runtime.api.Problem;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The manager's configuration: defaults and ranges live only in {@link ManagerConfig}. */
public class ManagerConfigTest {
    private static final ManagerConfig DEFAULTS = TestConfig.READER.defaults();

    @Test
    public void theDefaultsAreTheAnnotationsDefaults() {
        Settings s = Settings.of(DEFAULTS);

        assertEquals(1.0, s.targetMs(), 0.0);
        assertEquals(100, s.decisionIntervalMs());
        assertEquals("dynofa-step", s.policy());
        assertEquals(new KeepWarm(1, 10, 2, 0.1, 0.9), s.keepWarm());
        assertEquals(Math.max(1, Runtime.getRuntime().availableProcessors()), s.limits().maxConcurrentRuns());
    }

    @Test
    public void valuesBeyondTheirBoundsKeepTheOnesInForceAndNameTheirKeys() {
        ConfigRead<ManagerConfig> read = TestConfig.READER.read(Map.of("decisionIntervalMs", Long.MAX_VALUE,
            "warmupRuns", 10_001, "profileRuns", Integer.MAX_VALUE, "profileWaitMs", 60_001, "targetLatencyMs", 1e9,
            "keepWarmRuns", 1_001, "keepWarmIntervalMs", 3_600_001, "keepWarmNeighbours", 65), DEFAULTS);

        assertEquals(Settings.of(DEFAULTS), Settings.of(read.config()));
        assertEquals(List.of("decisionIntervalMs", "keepWarmIntervalMs", "keepWarmNeighbours", "keepWarmRuns",
            "profileRuns", "profileWaitMs", "targetLatencyMs", "warmupRuns"), rejectedKeys(read));
    }

    @Test
    public void theBoundsThemselvesAreAccepted() {
        ConfigRead<ManagerConfig> read = TestConfig.READER.read(Map.of("decisionIntervalMs", 3_600_000L,
            "warmupRuns", 0, "profileRuns", 10_000, "profileWaitMs", 60_000L, "targetLatencyMs", 60_000.0,
            "keepWarmNeighbours", 0, "keepWarmMaxCpuShare", 1.0), DEFAULTS);

        assertEquals(List.of(), read.details());
        Settings s = Settings.of(read.config());
        assertEquals(3_600_000L, s.decisionIntervalMs());
        assertEquals(10_000, s.profileRuns());
        assertFalse(s.keepWarm().enabled());
    }

    @Test
    public void valuesJustOutsideARangeAreRejected() {
        ManagerConfig inForce = TestConfig.of(Map.of("keepWarmNeighbours", 2, "keepWarmMaxCpuShare", 0.2));
        ConfigRead<ManagerConfig> read = TestConfig.READER.read(Map.of("decisionIntervalMs", 9L,
            "keepWarmNeighbours", -1, "keepWarmIntervalMs", 0, "keepWarmRuns", 0, "keepWarmMaxCpuShare", 1.5,
            "keepWarmMaxCpuLoad", 0.0, "targetLatencyMs", 0.0, "accuracyFloor", 100.5), inForce);

        assertEquals(List.of("accuracyFloor", "decisionIntervalMs", "keepWarmIntervalMs", "keepWarmMaxCpuLoad",
            "keepWarmMaxCpuShare", "keepWarmNeighbours", "keepWarmRuns", "targetLatencyMs"), rejectedKeys(read));
        assertEquals(Settings.of(inForce).keepWarm(), Settings.of(read.config()).keepWarm());
    }

    @Test
    public void notANumberKeepsTheValueInForce() {
        ManagerConfig inForce = TestConfig.of(Map.of("keepWarmMaxCpuShare", 0.2));
        ConfigRead<ManagerConfig> read = TestConfig.READER.read(Map.of("keepWarmMaxCpuShare", Double.NaN), inForce);

        assertEquals(0.2, read.config().keepWarmMaxCpuShare(), 0.0);
        assertEquals(List.of("keepWarmMaxCpuShare"), rejectedKeys(read));
    }

    private static List<String> rejectedKeys(ConfigRead<ManagerConfig> read) {
        read.details().forEach(p -> assertEquals(p.text(), Problem.CONFIG_REJECTED, p.code()));
        return read.details().stream().map(Problem::subject).toList();
    }
}
