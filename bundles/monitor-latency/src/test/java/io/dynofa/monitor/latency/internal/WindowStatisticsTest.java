package io.dynofa.monitor.latency.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.dynofa.monitor.api.Metrics;
import java.util.Map;
import org.junit.Test;

public class WindowStatisticsTest {

    @Test
    public void nearestRankP95AndP99OfTwentyAreTheNineteenthAndTheLargest() {
        Map<String, Double> m = WindowStatistics.of(new WindowSample(millis(20), new double[0]));
        assertEquals(19.0, m.get(Metrics.LATENCY_P95_MS), 1e-9);
        assertEquals(20.0, m.get(Metrics.LATENCY_P99_MS), 1e-9);
    }

    @Test
    public void nearestRankP99OfAHundredIsTheNinetyNinth() {
        Map<String, Double> m = WindowStatistics.of(new WindowSample(millis(100), new double[0]));
        assertEquals(95.0, m.get(Metrics.LATENCY_P95_MS), 1e-9);
        assertEquals(99.0, m.get(Metrics.LATENCY_P99_MS), 1e-9);
    }

    @Test
    public void percentilesOfFewValuesAreTheMaximum() {
        Map<String, Double> m = WindowStatistics.of(
            new WindowSample(new long[] {9_000_000, 1_000_000, 5_000_000}, new double[0]));
        assertEquals(9.0, m.get(Metrics.LATENCY_P95_MS), 1e-9);
        assertEquals(9.0, m.get(Metrics.LATENCY_P99_MS), 1e-9);
    }

    /** {@code n} runs of n, n-1, ..., 1 ms. */
    private static long[] millis(int n) {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = (n - i) * 1_000_000L;
        }
        return values;
    }

    @Test
    public void metricsInMillisecondsFromNanoseconds() {
        Map<String, Double> m = WindowStatistics.of(
            new WindowSample(new long[] {1_000_000, 2_000_000, 6_000_000}, new double[] {1.0, 2.0}));
        assertEquals(3.0, m.get(Metrics.LATENCY_MEAN_MS), 1e-9);
        assertEquals(6.0, m.get(Metrics.LATENCY_P95_MS), 1e-9);
        assertEquals(6.0, m.get(Metrics.LATENCY_P99_MS), 1e-9);
        assertEquals(3.0, m.get(Metrics.LATENCY_COUNT), 0);
        assertEquals(1.5, m.get(Metrics.SLOWDOWN), 1e-9);
    }

    @Test
    public void tailSlowdownIsTheNearestRankP95OfThePerRunSlowdowns() {
        double[] slowdowns = new double[20];
        for (int i = 0; i < 20; i++) {
            slowdowns[i] = 20 - i;
        }
        Map<String, Double> m = WindowStatistics.of(new WindowSample(millis(20), slowdowns));
        assertEquals(19.0, m.get(Metrics.TAIL_SLOWDOWN), 1e-9);
        assertEquals(20.0, slowdowns[0], 0);
    }

    @Test
    public void recentSlowdownIsTheSmallerOfTheLastTwoRuns() {
        Map<String, Double> onset = WindowStatistics.of(new WindowSample(millis(4), new double[] {1, 1, 2.6, 2.4}));
        assertEquals(2.4, onset.get(Metrics.RECENT_SLOWDOWN), 1e-12);
        Map<String, Double> stall = WindowStatistics.of(new WindowSample(millis(4), new double[] {1, 1, 1.1, 9}));
        assertEquals("one slow run is not an onset", 1.1, stall.get(Metrics.RECENT_SLOWDOWN), 1e-12);
        assertFalse("one run is not two", WindowStatistics.of(new WindowSample(millis(1), new double[] {3}))
            .containsKey(Metrics.RECENT_SLOWDOWN));
    }

    @Test
    public void slowdownIsMissingWhenNoRunHadAProfile() {
        Map<String, Double> m = WindowStatistics.of(new WindowSample(new long[] {1_000_000}, new double[0]));
        assertFalse(m.containsKey(Metrics.SLOWDOWN));
        assertFalse(m.containsKey(Metrics.TAIL_SLOWDOWN));
        assertTrue(m.containsKey(Metrics.LATENCY_MEAN_MS));
    }

    @Test
    public void emptyWindowGivesNoMetrics() {
        assertTrue(WindowStatistics.of(new WindowSample(new long[0], new double[0])).isEmpty());
    }
}
