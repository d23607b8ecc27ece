package io.dynofa.policy.alert.internal;

import static io.dynofa.policy.testing.DecisionAssert.assertMove;
import static io.dynofa.policy.testing.DecisionAssert.assertStay;
import static io.dynofa.policy.testing.PolicyContexts.at;
import static org.junit.Assert.assertEquals;

import io.dynofa.policy.api.Decision;
import org.junit.Test;

public class AlertRuleTest {
    /** Trusts each observation almost fully: ξ = the latest observation, σ ≈ 0.001. */
    private final AlertRule sharp = new AlertRule(sharpFilter(), 1.0, 0.9, 300);

    @Test
    public void staysOnTheMostAccurateLevelThatFits() {
        assertStay(sharp.decide(at(2).slowdown(1.0).build()), "ξ=1.00±0.00: m est 1.90 ms <= 2.00 ms");
    }

    @Test
    public void movesDownToTheMostAccurateLevelThatFits() {
        assertMove(2, sharp.decide(at(4).slowdown(1.0).build()), "m est 1.90 ms <= 2.00 ms");
        assertMove(1, sharp.decide(at(4).slowdown(1.2).build()), "ξ=1.20±0.00: s est 1.92 ms <= 2.00 ms");
    }

    @Test
    public void movesUpToTheMostAccurateLevelThatFitsTheUpMargin() {
        assertMove(1, sharp.decide(at(0).slowdown(1.0).build()), "s est 1.60 ms <= 1.80 ms");
        assertMove(4, sharp.decide(at(0).slowdown(0.5).build()), "xl est 1.50 ms <= 1.80 ms");
    }

    @Test
    public void noUpMoveToALevelThatFitsTheTargetButNotTheMargin() {
        assertStay(sharp.decide(at(1).slowdown(1.0).build()), "m est 1.90 ms > 1.80 ms (up margin 0.90), keeping s");
        AlertRule noMargin = new AlertRule(sharpFilter(), 1.0, 1.0, 300);
        assertMove(2, noMargin.decide(at(1).slowdown(1.0).build()), "m est 1.90 ms <= 2.00 ms");
    }

    @Test
    public void fastestLevelWhenNoneFits() {
        assertMove(0, sharp.decide(at(3).slowdown(3.0).build()), "no level fits 2.00 ms, xs est 2.40 ms");
        assertStay(sharp.decide(at(0).slowdown(3.0).build()), "no level fits");
    }

    @Test
    public void dwellHoldsUpMovesOnly() {
        assertStay(sharp.decide(at(0).slowdown(1.0).sinceSwitchMs(299).build()),
            "dwell 299 ms < 300 ms, holding (ξ=1.00±0.00: s est 1.60 ms <= 1.80 ms)");
        assertMove(1, sharp.decide(at(0).slowdown(1.0).sinceSwitchMs(300).build()), "s est");
        assertMove(2, sharp.decide(at(4).slowdown(1.0).sinceSwitchMs(0).build()), "m est");
    }

    @Test
    public void higherConfidenceIsMoreConservative() {
        assertEquals(2, settledChoice(0.0));
        assertEquals(1, settledChoice(1.0));
        assertEquals(0, settledChoice(2.0));
    }

    @Test
    public void reasonShowsTheEstimateWithItsStandardDeviation() {
        AlertRule rule = new AlertRule(new SlowdownFilter(0.01, 0.1), 1.0, 0.9, 300);
        Decision last = null;
        for (int i = 0; i < 100; i++) {
            last = rule.decide(at(4).slowdown(1.0).build());
        }
        assertMove(1, last, "ξ=1.00±0.16: s est 1.86 ms <= 2.00 ms");
    }

    @Test
    public void fallsBackToTheMeanLatency() {
        assertMove(0, sharp.decide(at(1).mean(3.2).build()), "ξ=2.00");
    }

    @Test
    public void staysWithoutAnObservationAndKeepsTheFilterAsItWas() {
        SlowdownFilter filter = new SlowdownFilter(0.01, 0.1);
        AlertRule rule = new AlertRule(filter, 1.0, 0.9, 300);
        rule.decide(at(2).slowdown(1.4).build());
        SlowdownEstimate before = filter.current();
        assertStay(rule.decide(at(2).build()), "no slowdown or latency yet");
        assertEquals(before, filter.current());
    }

    @Test
    public void climbsToTheAccuracyFloorWhenItFitsTheTargetWithoutTheMargin() {
        assertMove(2, sharp.decide(at(1).slowdown(1.0).floor(75).build()),
            "m est 1.90 ms <= 2.00 ms, up to accuracy floor 75.0%");
        assertStay(sharp.decide(at(1).slowdown(1.0).floor(75).sinceSwitchMs(10).build()), "dwell");
    }

    @Test
    public void latencyWinsOverAFloorThatDoesNotFit() {
        assertMove(2, sharp.decide(at(3).slowdown(1.0).floor(77).build()),
            "m est 1.90 ms <= 2.00 ms; below accuracy floor 77.0%: latency wins");
        assertStay(sharp.decide(at(2).slowdown(1.0).floor(77).build()), "latency wins");
    }

    @Test
    public void resetStartsTheFilterAgain() {
        AlertRule rule = new AlertRule(new SlowdownFilter(0.01, 0.1), 1.0, 0.9, 300);
        for (int i = 0; i < 100; i++) {
            rule.decide(at(0).slowdown(3.0).build());
        }
        rule.reset();
        assertStay(rule.decide(at(0).slowdown(1.0).build()), "ξ=1.00±0.30");
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsAnUpMarginAboveOne() {
        new AlertRule(new SlowdownFilter(0.01, 0.1), 1.0, 1.1, 300);
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsANegativeConfidence() {
        new AlertRule(new SlowdownFilter(0.01, 0.1), -1.0, 0.9, 300);
    }

    private static SlowdownFilter sharpFilter() {
        return new SlowdownFilter(1, 1e-6);
    }

    /** With the default noise settled at ξ = 1 (σ ≈ 0.16), the level chosen from the top. */
    private static int settledChoice(double k) {
        AlertRule rule = new AlertRule(new SlowdownFilter(0.01, 0.1), k, 0.9, 300);
        Decision last = null;
        for (int i = 0; i < 100; i++) {
            last = rule.decide(at(4).slowdown(1.0).build());
        }
        return last.level();
    }
}
