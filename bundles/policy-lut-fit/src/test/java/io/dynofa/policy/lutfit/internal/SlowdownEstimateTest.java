package io.dynofa.policy.lutfit.internal;

import static io.dynofa.policy.testing.PolicyContexts.context;
import static io.dynofa.policy.testing.PolicyContexts.withSlowdown;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import org.junit.Test;

public class SlowdownEstimateTest {
    private final SlowdownEstimate estimate = new SlowdownEstimate(0.5);

    @Test
    public void firstObservationIsTakenAsIs() {
        assertEquals(1.4, estimate.update(withSlowdown(0, 1.4)).getAsDouble(), 1e-12);
    }

    @Test
    public void laterObservationsAreExponentiallyWeighted() {
        estimate.update(withSlowdown(0, 1.0));
        assertEquals(2.0, estimate.update(withSlowdown(0, 3.0)).getAsDouble(), 1e-12);
        assertEquals(2.5, estimate.update(withSlowdown(0, 3.0)).getAsDouble(), 1e-12);
    }

    @Test
    public void resetForgetsTheHistory() {
        estimate.update(withSlowdown(0, 1.0));
        estimate.reset();
        assertEquals(3.0, estimate.update(withSlowdown(0, 3.0)).getAsDouble(), 1e-12);
    }

    @Test
    public void aDecisionWithoutObservationDoesNotReuseStaleState() {
        estimate.update(withSlowdown(0, 2.0));
        assertTrue(estimate.update(context(1, Map.of(), 0, 0)).isEmpty());
        assertEquals(1.5, estimate.update(withSlowdown(0, 1.0)).getAsDouble(), 1e-12);
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsZeroSmoothing() {
        new SlowdownEstimate(0);
    }
}
