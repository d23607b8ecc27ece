package io.dynofa.demo.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class LatencyHistogramTest {

    @Test
    public void emptyHistogramHasNoValues() {
        LatencyHistogram h = new LatencyHistogram();
        assertTrue(Double.isNaN(h.meanMillis()));
        assertTrue(Double.isNaN(h.percentileMillis(95)));
    }

    @Test
    public void percentileIsTheUpperEdgeOfTheNearestRankBucket() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 1; i <= 100; i++) {
            h.record(i * 100_000L);
        }
        assertEquals(100, h.count());
        assertEquals(9.51, h.percentileMillis(95), 1e-9);
        assertEquals(0.11, h.percentileMillis(1), 1e-9);
        assertEquals(5.05, h.meanMillis(), 1e-9);
    }

    @Test
    public void latenciesBeyondTheRangeLandInTheLastBucket() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(5_000_000_000L);
        assertEquals(100.0, h.percentileMillis(50), 1e-9);
    }
}
