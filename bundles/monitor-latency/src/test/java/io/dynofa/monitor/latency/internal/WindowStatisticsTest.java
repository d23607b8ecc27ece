package io.dynofa.monitor.latency.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.dynofa.monitor.api.Metrics;
import java.util.Map;
import org.junit.Test;

public class WindowStatisticsTest {

    @Test
    public void nearestRankP95OfTwentyIsTheNineteenthSmallest() {
        long[] values = new long[20];
        for (int i = 0; i < values.length; i++) {
            values[i] = 20 - i;
        }
        assertEquals(19, WindowStatistics.nearestRank(values, 0.95));
    }

    @Test
    public void nearestRankP95OfFewValuesIsTheMaximum() {
        assertEquals(9, WindowStatistics.nearestRank(new long[] {9, 1, 5}, 0.95));
        assertEquals(4, WindowStatistics.nearestRank(new long[] {4}, 0.95));
    }

    @Test
    public void metricsInMillisecondsFromNanoseconds() {
        Map<String, Double> m = WindowStatistics.of(
            new WindowSample(new long[] {1_000_000, 2_000_000, 6_000_000}, new double[] {1.0, 2.0}));
        assertEquals(3.0, m.get(Metrics.LATENCY_MEAN_MS), 1e-9);
        assertEquals(6.0, m.get(Metrics.LATENCY_P95_MS), 1e-9);
        assertEquals(3.0, m.get(Metrics.LATENCY_COUNT), 0);
        assertEquals(1.5, m.get(Metrics.SLOWDOWN), 1e-9);
    }

    @Test
    public void slowdownIsMissingWhenNoRunHadAProfile() {
        Map<String, Double> m = WindowStatistics.of(new WindowSample(new long[] {1_000_000}, new double[0]));
        assertFalse(m.containsKey(Metrics.SLOWDOWN));
        assertTrue(m.containsKey(Metrics.LATENCY_MEAN_MS));
    }

    @Test
    public void emptyWindowGivesNoMetrics() {
        assertTrue(WindowStatistics.of(new WindowSample(new long[0], new double[0])).isEmpty());
    }
}
