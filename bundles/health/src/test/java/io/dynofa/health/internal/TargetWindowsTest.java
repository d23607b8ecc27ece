package io.dynofa.health.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.runtime.api.RuntimeStatus.State;
import java.util.List;
import java.util.Map;
import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.Result.Status;
import org.junit.Test;

public class TargetWindowsTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    private static DeploymentState withSignals(String deployment, Map<String, Double> signals) {
        return new DeploymentState(deployment, States.status(deployment, State.READY, List.of(), signals),
            List.of(States.CPU));
    }

    @Test
    public void runsAreJudgedAgainstTheSampledTarget() {
        TargetWindows windows = new TargetWindows();
        windows.run("a", 5 * MS, 0);
        windows.sample(List.of(withSignals("a", Map.of())), 0);
        for (int i = 0; i < 90; i++) {
            windows.run("a", 5 * MS, i * SECOND / 10);
        }
        for (int i = 0; i < 10; i++) {
            windows.run("a", 50 * MS, i * SECOND / 10);
        }
        MinuteCounts.Share share = windows.lastMinute(9 * SECOND).get("a").share();
        assertEquals(100, share.total());
        assertEquals(90, share.within());
        assertEquals(0, windows.lastMinute(70 * SECOND).get("a").share().total());
    }

    @Test
    public void framesWinOverRunsWhenSampled() {
        TargetWindows windows = new TargetWindows();
        windows.sample(List.of(withSignals("a", Map.of("frame.count", 100.0, "frame.miss.rate", 0.2))), 0);
        windows.sample(List.of(withSignals("a", Map.of("frame.count", 100.0, "frame.miss.rate", 0.0))), SECOND);
        windows.run("a", 1, SECOND);
        TargetWindows.Reading reading = windows.lastMinute(2 * SECOND).get("a");
        assertEquals("frames within deadline", reading.what());
        assertEquals(0.9, reading.share().fraction(), 1e-9);
    }

    @Test
    public void judgementWarnsUnderTheShare() {
        TargetWindows windows = new TargetWindows();
        windows.sample(List.of(withSignals("a", Map.of("frame.count", 100.0, "frame.miss.rate", 0.1)),
            withSignals("b", Map.of())), 0);
        Result result = TargetMetCheck.judge(windows.lastMinute(0), 0.95);
        assertEquals(Status.WARN, result.getStatus());
        assertTrue(result.toString(), result.toString().contains("deployment a: 90.0 % frames within deadline"));
        assertEquals(Status.OK, TargetMetCheck.judge(windows.lastMinute(0), 0.9).getStatus());
    }

    @Test
    public void deploymentsGoneAreForgotten() {
        TargetWindows windows = new TargetWindows();
        windows.sample(List.of(withSignals("a", Map.of()), withSignals("b", Map.of())), 0);
        windows.sample(List.of(withSignals("b", Map.of())), SECOND);
        assertEquals(List.of("b"), List.copyOf(windows.lastMinute(SECOND).keySet()));
    }

    @Test
    public void minuteSlotsAreReusedAfterAMinute() {
        MinuteCounts counts = new MinuteCounts();
        counts.add(0, 10, 5);
        counts.add(60 * SECOND, 1, 1);
        assertEquals(new MinuteCounts.Share(1, 1), counts.lastMinute(60 * SECOND));
        counts.add(-SECOND, 2, 0);
        assertEquals(new MinuteCounts.Share(2, 0), counts.lastMinute(0));
    }
}
