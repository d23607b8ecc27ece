package io.dynofa.policy.lutfit.internal;

import static io.dynofa.policy.testing.PolicyContexts.context;
import static io.dynofa.policy.testing.PolicyContexts.withSlowdown;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.monitor.api.Metrics;
import io.dynofa.policy.api.Decision;
import io.dynofa.policy.testing.PolicyContexts;
import java.util.Map;
import org.junit.Test;

public class LutFitRuleTest {
    private final LutFitRule unsmoothed = new LutFitRule(1.0, 0.9, 300);

    @Test
    public void choosesTheMostAccurateLevelThatFitsTheBudget() {
        assertEquals(1, unsmoothed.decide(withSlowdown(0, 1.0)).level());
        assertEquals(3, unsmoothed.decide(withSlowdown(0, 0.85)).level());
        assertEquals(4, unsmoothed.decide(withSlowdown(0, 0.5)).level());
    }

    @Test
    public void fastestLevelWhenNoneFits() {
        Decision d = unsmoothed.decide(withSlowdown(2, 3.0));
        assertEquals(0, d.level());
        assertTrue(d.reason(), d.reason().contains("no level fits 1.80 ms"));
    }

    @Test
    public void marginShrinksTheBudget() {
        assertEquals(1, new LutFitRule(1.0, 0.9, 0).decide(withSlowdown(0, 1.0)).level());
        assertEquals(3, new LutFitRule(1.0, 1.05, 0).decide(withSlowdown(0, 1.0)).level());
    }

    @Test
    public void staysWhenTheCurrentLevelIsTheBestFit() {
        Decision d = unsmoothed.decide(withSlowdown(1, 1.0));
        assertTrue(d.isStay());
        assertTrue(d.reason(), d.reason().contains("level 1 est. 1.60 ms <= 1.80 ms"));
    }

    @Test
    public void staysWithoutAnyObservation() {
        Decision d = unsmoothed.decide(context(2, Map.of(), 0, PolicyContexts.LONG_AGO_MS));
        assertTrue(d.isStay());
        assertEquals("no slowdown or latency yet", d.reason());
    }

    @Test
    public void usesTheMeanWhenTheSlowdownIsMissing() {
        assertEquals(0, unsmoothed.decide(context(2, Map.of(Metrics.LATENCY_MEAN_MS, 3.8), 0, 1000)).level());
    }

    @Test
    public void movesUpOnlyAfterTheDwellTime() {
        assertTrue(unsmoothed.decide(context(1, Map.of(Metrics.SLOWDOWN, 0.5), 0, 299)).isStay());
        assertEquals(4, unsmoothed.decide(context(1, Map.of(Metrics.SLOWDOWN, 0.5), 0, 300)).level());
    }

    @Test
    public void movesDownImmediately() {
        assertEquals(0, unsmoothed.decide(context(4, Map.of(Metrics.SLOWDOWN, 2.0), 0, 0)).level());
    }

    @Test
    public void smoothingDampsASingleSpike() {
        LutFitRule smoothed = new LutFitRule(0.5, 0.9, 0);
        smoothed.decide(withSlowdown(1, 1.0));
        assertTrue("1.0 then 1.2 smooths to 1.1: 1.6 ms x 1.1 still fits",
            smoothed.decide(withSlowdown(1, 1.2)).isStay());
        assertEquals("unsmoothed, 1.6 ms x 1.2 misses 1.8 ms", 0, unsmoothed.decide(withSlowdown(1, 1.2)).level());
    }

    @Test
    public void resetDropsTheSmoothedHistory() {
        LutFitRule smoothed = new LutFitRule(0.5, 0.9, 0);
        smoothed.decide(withSlowdown(0, 0.5));
        smoothed.reset();
        assertEquals("unsmoothed 1.0 picks level 1, not the 0.75 average's level 3",
            1, smoothed.decide(withSlowdown(0, 1.0)).level());
    }

    @Test
    public void accuracyFloorLosesToLatency() {
        Decision d = unsmoothed.decide(context(3, Map.of(Metrics.SLOWDOWN, 1.0), 77, 0));
        assertEquals(1, d.level());
        assertTrue(d.reason(), d.reason().contains("below accuracy floor 77.0%: latency wins"));
    }
}
