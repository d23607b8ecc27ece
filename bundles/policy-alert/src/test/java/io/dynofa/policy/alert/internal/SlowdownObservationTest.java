package io.dynofa.policy.alert.internal;

import static io.dynofa.policy.testing.PolicyContexts.at;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class SlowdownObservationTest {

    @Test
    public void takesTheSlowdownSignal() {
        assertEquals(1.7, SlowdownObservation.of(at(1).slowdown(1.7).mean(9.0).build()).getAsDouble(), 0);
    }

    @Test
    public void fallsBackToMeanOverTheCurrentLevelsProfile() {
        assertEquals(1.5, SlowdownObservation.of(at(1).mean(2.4).build()).getAsDouble(), 1e-12);
    }

    @Test
    public void unusableSlowdownFallsBackToTheMean() {
        assertEquals(2.0, SlowdownObservation.of(at(0).slowdown(Double.NaN).mean(1.6).build()).getAsDouble(), 1e-12);
        assertEquals(2.0, SlowdownObservation.of(at(0).slowdown(0).mean(1.6).build()).getAsDouble(), 1e-12);
    }

    @Test
    public void nothingWithoutSlowdownOrMean() {
        assertTrue(SlowdownObservation.of(at(1).build()).isEmpty());
        assertTrue(SlowdownObservation.of(at(1).mean(-1).build()).isEmpty());
    }
}
