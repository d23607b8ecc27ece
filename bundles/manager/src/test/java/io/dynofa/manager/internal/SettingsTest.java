package io.dynofa.manager.internal;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class SettingsTest {

    @Test
    public void valuesBeyondTheirUpperBoundKeepTheOnesInForce() {
        List<String> problems = new ArrayList<>();
        Settings s = Settings.of(TestConfig.of(Map.of("decisionIntervalMs", Long.MAX_VALUE, "warmupRuns", 10_001,
            "profileRuns", Integer.MAX_VALUE, "profileWaitMs", 60_001, "targetLatencyMs", 1e9, "keepWarmRuns", 1_001,
            "keepWarmIntervalMs", 3_600_001, "keepWarmNeighbours", 65)), Settings.DEFAULTS, problems);
        assertEquals(Settings.DEFAULTS, s);
        assertEquals(List.of(
            "targetLatencyMs 1.0E9 rejected (above 0, at most 60000 ms); keeping 1.0",
            "decisionIntervalMs 9223372036854775807 rejected (10 to 3600000 ms); keeping 100",
            "warmupRuns 10001 rejected (0 to 10000); keeping 30",
            "profileRuns 2147483647 rejected (1 to 10000); keeping 60",
            "profileWaitMs 60001 rejected (0 to 60000 ms); keeping 300",
            "keepWarmNeighbours 65 rejected (0 = off, or a number of levels up to 64); keeping 1",
            "keepWarmIntervalMs 3600001 rejected (1 to 3600000 ms); keeping 10",
            "keepWarmRuns 1001 rejected (1 to 1000); keeping 2"), problems);
    }

    @Test
    public void theBoundsThemselvesAreAccepted() {
        List<String> problems = new ArrayList<>();
        Settings s = Settings.of(TestConfig.of(Map.of("decisionIntervalMs", 3_600_000L, "warmupRuns", 0,
            "profileRuns", 10_000, "profileWaitMs", 60_000L, "targetLatencyMs", 60_000.0)), Settings.DEFAULTS,
            problems);
        assertEquals(List.of(), problems);
        assertEquals(3_600_000L, s.decisionIntervalMs());
        assertEquals(10_000, s.profileRuns());
    }

    @Test
    public void aDecisionIntervalBelowTenMillisecondsIsRejected() {
        List<String> problems = new ArrayList<>();
        Settings s = Settings.of(TestConfig.of(Map.of("decisionIntervalMs", 5L)), Settings.DEFAULTS, problems);
        assertEquals(100, s.decisionIntervalMs());
        assertEquals(List.of("decisionIntervalMs 5 rejected (10 to 3600000 ms); keeping 100"), problems);
    }
}
