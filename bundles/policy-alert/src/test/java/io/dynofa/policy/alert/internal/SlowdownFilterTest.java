package io.dynofa.policy.alert.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class SlowdownFilterTest {
    private static final double Q = 0.01;
    private static final double R = 0.1;

    private final SlowdownFilter filter = new SlowdownFilter(Q, R);

    @Test
    public void startsAsProfiledWithUnitVariance() {
        assertEquals(new SlowdownEstimate(1.0, 1.0), filter.current());
    }

    @Test
    public void firstUpdateIsOnePredictAndOneKalmanUpdate() {
        double gain = 1.01 / (1.01 + R);
        SlowdownEstimate e = filter.update(2.0);
        assertEquals(1.0 + gain, e.mean(), 1e-12);
        assertEquals((1 - gain) * 1.01, e.variance(), 1e-12);
        assertEquals(e, filter.current());
    }

    @Test
    public void convergesToAConstantSlowdownWithTheSteadyStateVariance() {
        SlowdownEstimate e = null;
        for (int i = 0; i < 100; i++) {
            e = filter.update(1.5);
        }
        double steadyVariance = (-Q + Math.sqrt(Q * Q + 4 * Q * R)) / 2;
        assertEquals(1.5, e.mean(), 1e-9);
        assertEquals(steadyVariance, e.variance(), 1e-9);
    }

    @Test
    public void followsAStepChangeWithinAFewUpdates() {
        settle(filter, 1.0);
        assertTrue(filter.update(2.0).mean() > 1.2);
        filter.update(2.0);
        filter.update(2.0);
        assertTrue("three updates cover over half the step", filter.current().mean() > 1.55);
        for (int i = 0; i < 7; i++) {
            filter.update(2.0);
        }
        assertTrue("ten updates cover over 90%", filter.current().mean() > 1.9);
    }

    @Test
    public void noisierMeasurementsFollowMoreSlowly() {
        SlowdownFilter noisy = new SlowdownFilter(Q, 10 * R);
        settle(filter, 1.0);
        settle(noisy, 1.0);
        assertTrue(noisy.update(2.0).mean() < filter.update(2.0).mean());
    }

    @Test
    public void averagesAlternatingObservations() {
        for (int i = 0; i < 200; i++) {
            filter.update(i % 2 == 0 ? 1.2 : 1.6);
        }
        assertEquals(1.4, filter.current().mean(), 0.05);
    }

    @Test
    public void resetReturnsToTheInitialEstimate() {
        settle(filter, 3.0);
        filter.reset();
        assertEquals(SlowdownFilter.INITIAL, filter.current());
        assertEquals(1.0 + 1.01 / 1.11 * 0.5, filter.update(1.5).mean(), 1e-12);
    }

    @Test
    public void upperBoundAddsKStandardDeviations() {
        SlowdownEstimate e = new SlowdownEstimate(1.5, 0.04);
        assertEquals(0.2, e.standardDeviation(), 1e-12);
        assertEquals(1.5, e.upperBound(0), 0);
        assertEquals(1.9, e.upperBound(2), 1e-12);
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsNegativeProcessNoise() {
        new SlowdownFilter(-0.01, R);
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsZeroMeasurementNoise() {
        new SlowdownFilter(Q, 0);
    }

    static void settle(SlowdownFilter filter, double slowdown) {
        for (int i = 0; i < 100; i++) {
            filter.update(slowdown);
        }
    }
}
