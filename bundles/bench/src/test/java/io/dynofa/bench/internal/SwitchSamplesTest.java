package io.dynofa.bench.internal;

import static org.junit.Assert.assertEquals;

import io.dynofa.runtime.api.KeepWarmState;
import io.dynofa.runtime.api.KeepWarmState.Mode;
import io.dynofa.runtime.api.KeepWarmState.Pause;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class SwitchSamplesTest {

    @Test
    public void blocksKeepTheirOwnMediansAndCoresWhileTheSummaryPoolsEverySwitch() {
        SwitchSamples samples = new SwitchSamples();
        int first = samples.reserve(3);
        samples.set(first, "a", 300_000, 100_000, 200_000, 100_000);
        samples.set(first + 1, "b", 500_000, 100_000, 110_000, 100_000);
        samples.set(first + 2, "a", 400_000, 100_000, 120_000, 100_000);
        samples.endBlock(3, 1.0);
        int second = samples.reserve(2);
        samples.set(second, "b", 600_000, 200_000, 300_000, 100_000);
        samples.set(second + 1, "a", 700_000, 200_000, 300_000, 100_000);
        samples.endBlock(2, 1.2);

        Map<String, Object> summary = samples.summary();

        assertEquals(5, summary.get("switches"));
        assertEquals(2, summary.get("blocks"));
        assertEquals(List.of(1.2, 3.0), summary.get("firstOverSteadyBlockMedians"));
        assertEquals(List.of(1.0, 1.2), summary.get("gatewayCpuCoresBlocks"));
        assertEquals(1.1, (double) summary.get("gatewayCpuCores"), 1e-9);
        assertEquals(2.0, (double) summary.get("firstOverSteadyMedian"), 0);
        assertEquals(3.0, (double) summary.get("firstOverSteadyMax"), 0);
        assertEquals(500.0, (double) summary.get("decisionToFirstResultMedianUs"), 0);
        assertEquals(100.0, (double) summary.get("decisionToFirstRunStartMedianUs"), 0);
        assertEquals(100.0, (double) summary.get("steadyMedianUs"), 0);
        assertEquals(Map.of("a", 2.0, "b", 2.05), summary.get("firstOverSteadyMedianByTarget"));
    }

    @Test
    public void keepWarmStatesAreCountedByModeAndPauseReason() {
        SwitchSamples samples = new SwitchSamples();
        samples.keepWarmState(new KeepWarmState(Mode.WARMING, null, List.of("l1", "l3"), 10));
        samples.keepWarmState(new KeepWarmState(Mode.WARMING, null, List.of("l2"), 12));
        samples.keepWarmState(new KeepWarmState(Mode.PAUSED, Pause.CPU_LOAD, List.of(), 10));
        samples.keepWarmState(new KeepWarmState(Mode.PAUSED, Pause.CPU_LOAD, List.of(), 10));
        samples.keepWarmState(new KeepWarmState(Mode.PAUSED, Pause.NO_REQUESTS, List.of(), 10));
        samples.keepWarmState(new KeepWarmState(Mode.OFF, null, List.of(), 0));
        samples.keepWarmState(null);

        assertEquals(Map.of("warming", 2, "paused: cpu load", 2, "paused: no requests", 1, "off", 1),
            samples.summary().get("keepWarmStates"));
    }
}
