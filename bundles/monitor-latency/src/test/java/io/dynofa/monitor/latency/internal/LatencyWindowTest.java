package io.dynofa.monitor.latency.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.dynofa.monitor.api.Metrics;
import java.util.Map;
import org.junit.Test;

public class LatencyWindowTest {
    private static final long MS = 1_000_000L;

    private final FakeClock clock = new FakeClock();

    @Test
    public void meanP95AndP99OverKnownRuns() {
        LatencyWindow window = new LatencyWindow(20, 1000, clock);
        for (int ms = 1; ms <= 20; ms++) {
            window.record(ms * MS, 0);
        }
        Map<String, Double> m = window.metrics();
        assertEquals(10.5, m.get(Metrics.LATENCY_MEAN_MS), 1e-9);
        assertEquals(19.0, m.get(Metrics.LATENCY_P95_MS), 1e-9);
        assertEquals(20.0, m.get(Metrics.LATENCY_P99_MS), 1e-9);
        assertEquals(20.0, m.get(Metrics.LATENCY_COUNT), 0);
    }

    @Test
    public void oldestRunsLeaveTheWindowByCount() {
        LatencyWindow window = new LatencyWindow(3, 1000, clock);
        window.record(100 * MS, 0);
        window.record(2 * MS, 0);
        window.record(4 * MS, 0);
        window.record(6 * MS, 0);
        Map<String, Double> m = window.metrics();
        assertEquals(3.0, m.get(Metrics.LATENCY_COUNT), 0);
        assertEquals(4.0, m.get(Metrics.LATENCY_MEAN_MS), 1e-9);
        assertEquals(6.0, m.get(Metrics.LATENCY_P95_MS), 1e-9);
    }

    @Test
    public void runsOlderThanMaxAgeAreIgnored() {
        LatencyWindow window = new LatencyWindow(20, 1000, clock);
        window.record(50 * MS, 0);
        clock.advanceMillis(600);
        window.record(2 * MS, 0);
        clock.advanceMillis(500);
        Map<String, Double> m = window.metrics();
        assertEquals(1.0, m.get(Metrics.LATENCY_COUNT), 0);
        assertEquals(2.0, m.get(Metrics.LATENCY_MEAN_MS), 1e-9);
    }

    @Test
    public void noMetricsOnceEveryRunIsTooOld() {
        LatencyWindow window = new LatencyWindow(20, 1000, clock);
        window.record(2 * MS, 0);
        clock.advanceMillis(1001);
        assertTrue(window.metrics().isEmpty());
    }

    @Test
    public void noMetricsBeforeTheFirstRun() {
        assertTrue(new LatencyWindow(20, 1000, clock).metrics().isEmpty());
    }

    @Test
    public void slowdownIsTheMeanRatioOverRunsWithAProfile() {
        LatencyWindow window = new LatencyWindow(20, 1000, clock);
        window.record(3 * MS, 2 * MS);
        window.record(2 * MS, 2 * MS);
        window.record(9 * MS, 0);
        Map<String, Double> m = window.metrics();
        assertEquals(1.25, m.get(Metrics.SLOWDOWN), 1e-9);
        assertEquals(3.0, m.get(Metrics.LATENCY_COUNT), 0);
    }

    @Test
    public void noSlowdownWithoutProfiledLatencies() {
        LatencyWindow window = new LatencyWindow(20, 1000, clock);
        window.record(3 * MS, 0);
        assertFalse(window.metrics().containsKey(Metrics.SLOWDOWN));
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsAnEmptyWindow() {
        new LatencyWindow(0, 1000, clock);
    }
}
