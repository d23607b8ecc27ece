package io.dynofa.policy.api;

import static io.dynofa.policy.testing.PolicyContexts.at;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.dynofa.monitor.api.Metrics;
import io.dynofa.monitor.api.Signals;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.Test;

public class SlowdownTest {

    @Test
    public void takesTheSlowdownSignal() {
        assertEquals(1.7, Slowdown.observed(at(1).slowdown(1.7).mean(9.0).build()).getAsDouble(), 0);
    }

    @Test
    public void fallsBackToMeanOverTheCurrentLevelsProfile() {
        assertEquals(1.5, Slowdown.observed(at(1).mean(2.4).build()).getAsDouble(), 1e-12);
    }

    @Test
    public void unusableSlowdownFallsBackToTheMean() {
        assertEquals(2.0, Slowdown.observed(at(0).slowdown(Double.NaN).mean(1.6).build()).getAsDouble(), 1e-12);
        assertEquals(2.0, Slowdown.observed(at(0).slowdown(0).mean(1.6).build()).getAsDouble(), 1e-12);
        assertEquals(2.0, Slowdown.observed(at(0).slowdown(-1).mean(1.6).build()).getAsDouble(), 1e-12);
        assertEquals(2.0, Slowdown.observed(at(0).slowdown(Double.POSITIVE_INFINITY).mean(1.6).build())
            .getAsDouble(), 1e-12);
    }

    @Test
    public void nothingWithoutSlowdownOrMean() {
        assertTrue(Slowdown.observed(at(1).build()).isEmpty());
        assertTrue(Slowdown.observed(at(1).mean(-1).build()).isEmpty());
        assertTrue(Slowdown.observed(at(1).mean(Double.NaN).build()).isEmpty());
    }

    @Test
    public void aLevelWithoutAUsableProfileGivesNoRatio() {
        PolicyContext unprofiled = new PolicyContext(List.of(new Level(0, "x", 70, 0)), 0, 2.0, 0,
            new Signals(Map.of(Metrics.LATENCY_MEAN_MS, 1.0), 0), 0);
        assertTrue(Slowdown.observed(unprofiled).isEmpty());
        PolicyContext negative = new PolicyContext(List.of(new Level(0, "x", 70, -1)), 0, 2.0, 0,
            new Signals(Map.of(Metrics.LATENCY_MEAN_MS, -2.0), 0), 0);
        assertTrue("two negatives make no slowdown", Slowdown.observed(negative).isEmpty());
    }

    @Test
    public void usableMeansPositiveAndFinite() {
        assertTrue(Slowdown.isUsable(0.01));
        assertFalse(Slowdown.isUsable(0));
        assertFalse(Slowdown.isUsable(-1));
        assertFalse(Slowdown.isUsable(Double.NaN));
        assertFalse(Slowdown.isUsable(Double.POSITIVE_INFINITY));
    }

    @Test
    public void aBackendsOwnSlowdownComesFirst() {
        PolicyContext c = onCpu(Map.of(Metrics.SLOWDOWN_OF_BACKEND + "gpu", 3.0, Metrics.SLOWDOWN, 1.2));
        assertEquals(OptionalDouble.of(3.0), Slowdown.observedOn(c, "gpu"));
    }

    @Test
    public void theServingBackendFallsBackToTheDecisionsSlowdown() {
        PolicyContext c = onCpu(Map.of(Metrics.SLOWDOWN_OF_BACKEND + "cpu", 0.0, Metrics.SLOWDOWN, 1.2));
        assertEquals(OptionalDouble.of(1.2), Slowdown.observedOn(c, "cpu"));
        assertEquals(1.5, Slowdown.observedOn(onCpu(Map.of(Metrics.LATENCY_MEAN_MS, 1.2)), "cpu").getAsDouble(),
            1e-12);
    }

    @Test
    public void anotherBackendWithoutItsOwnSlowdownIsNotMeasured() {
        assertTrue(Slowdown.observedOn(onCpu(Map.of(Metrics.SLOWDOWN, 1.2)), "gpu").isEmpty());
    }

    private static PolicyContext onCpu(Map<String, Double> signals) {
        List<Level> levels = List.of(new Level(0, "s", 70, 0.8), new Level(1, "m", 75, 1.6));
        return new PolicyContext(levels, 0, 2.0, 0, new Signals(signals, 0), 0, "cpu",
            List.of(new BackendLevels("cpu", levels, 0, true), new BackendLevels("gpu", levels, 1, false)));
    }
}
