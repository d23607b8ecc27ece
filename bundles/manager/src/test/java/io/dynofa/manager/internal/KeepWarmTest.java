package io.dynofa.manager.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class KeepWarmTest {

    @Test
    public void theDefaultsAreTheAnnotationsDefaults() {
        List<String> problems = new ArrayList<>();

        assertEquals(KeepWarm.DEFAULTS, KeepWarm.of(TestConfig.of(Map.of()), KeepWarm.DEFAULTS, problems));
        assertTrue(problems.isEmpty());
    }

    @Test
    public void validValuesAreTakenAndZeroNeighboursSwitchesItOff() {
        List<String> problems = new ArrayList<>();

        KeepWarm k = KeepWarm.of(TestConfig.of(Map.of("keepWarmNeighbours", 0, "keepWarmIntervalMs", 25,
            "keepWarmRuns", 3, "keepWarmMaxCpuShare", 0.5, "keepWarmMaxCpuLoad", 1.0)), KeepWarm.DEFAULTS, problems);

        assertEquals(new KeepWarm(0, 25, 3, 0.5, 1.0), k);
        assertEquals(false, k.enabled());
        assertTrue(problems.isEmpty());
    }

    @Test
    public void eachInvalidValueKeepsTheOneInForceAndSaysWhy() {
        KeepWarm inForce = new KeepWarm(2, 20, 1, 0.2, 0.8);
        List<String> problems = new ArrayList<>();

        KeepWarm k = KeepWarm.of(TestConfig.of(Map.of("keepWarmNeighbours", -1, "keepWarmIntervalMs", 0,
            "keepWarmRuns", 0, "keepWarmMaxCpuShare", 1.5, "keepWarmMaxCpuLoad", 0.0)), inForce, problems);

        assertEquals(inForce, k);
        assertEquals(problems.toString(), 5, problems.size());
        assertTrue(problems.get(0), problems.get(0).startsWith("keepWarmNeighbours -1 rejected"));
        assertTrue(problems.get(3), problems.get(3).startsWith("keepWarmMaxCpuShare 1.5 rejected"));
        assertTrue(problems.get(4), problems.get(4).startsWith("keepWarmMaxCpuLoad 0.0 rejected"));
        assertEquals(inForce.maxCpuShare(), KeepWarm.of(TestConfig.of(Map.of("keepWarmMaxCpuShare", Double.NaN)),
            inForce, new ArrayList<>()).maxCpuShare(), 0.0);
    }
}
