package io.dynofa.policy.step.internal;

import static io.dynofa.policy.testing.DecisionAssert.assertMove;
import static io.dynofa.policy.testing.DecisionAssert.assertStay;
import static io.dynofa.policy.testing.PolicyContexts.at;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class StepRuleTest {
    private final StepRule rule = new StepRule(0.15, 500, 1.5);

    @Test
    public void staysWithoutLatency() {
        assertStay(rule.decide(at(2).build()), "no latency yet");
    }

    @Test
    public void stepsDownWhenTheMeanExceedsTheTarget() {
        assertMove(2, rule.decide(at(3).mean(2.5).build()), "mean 2.50 ms > target 2.00 ms");
    }

    @Test
    public void meanAtTheTargetDoesNotStepDown() {
        assertTrue(rule.decide(at(3).mean(2.0).build()).isStay());
    }

    @Test
    public void dwellTimeHoldsAStepDown() {
        assertStay(rule.decide(at(3).mean(2.5).sinceSwitchMs(499).build()), "dwell");
        assertMove(2, rule.decide(at(3).mean(2.5).sinceSwitchMs(500).build()), "mean");
    }

    @Test
    public void emergencyStepDownIgnoresTheDwellTime() {
        assertMove(2, rule.decide(at(3).mean(3.01).sinceSwitchMs(0).build()), "emergency");
        assertStay(rule.decide(at(3).mean(3.0).sinceSwitchMs(0).build()), "dwell");
    }

    @Test
    public void neverStepsBelowTheFastestLevel() {
        assertStay(rule.decide(at(0).mean(9.0).build()), "already at the fastest level");
    }

    @Test
    public void stepsUpOnHeadroom() {
        assertMove(1, rule.decide(at(0).mean(0.8).build()), "headroom: next level est. 1.60 ms < 1.70 ms");
    }

    @Test
    public void slowdownScalesTheNextLevelsEstimate() {
        assertStay(rule.decide(at(0).mean(0.8).slowdown(1.1).build()), "next level est. 1.76 ms >= 1.70 ms");
        assertMove(1, rule.decide(at(0).mean(0.8).slowdown(1.05).build()), "headroom");
    }

    @Test
    public void noStepUpWhileTheMeanIsInsideTheHysteresisBand() {
        assertStay(rule.decide(at(0).mean(1.7).slowdown(0.5).build()), "no headroom below 1.70 ms");
    }

    @Test
    public void dwellTimeHoldsAStepUp() {
        assertStay(rule.decide(at(0).mean(0.8).sinceSwitchMs(100).build()), "dwell");
    }

    @Test
    public void staysAtTheMostAccurateLevel() {
        assertStay(rule.decide(at(4).mean(0.5).build()), "at the most accurate level");
    }

    @Test
    public void stepsUpBelowTheAccuracyFloor() {
        assertMove(1, rule.decide(at(0).mean(1.0).floor(75).build()), "below accuracy floor: 70.0% < 75.0%");
    }

    @Test
    public void stepsUpBelowTheAccuracyFloorBeforeAnyLatencyIsKnown() {
        assertMove(1, rule.decide(at(0).floor(75).build()), "below accuracy floor");
    }

    @Test
    public void accuracyFloorStepUpWaitsForTheDwellTime() {
        assertStay(rule.decide(at(0).mean(1.0).floor(75).sinceSwitchMs(10).build()), "dwell");
    }

    @Test
    public void latencyWinsOverTheFloorWhenOverTarget() {
        assertMove(1, rule.decide(at(2).mean(2.5).floor(77).build()), "mean 2.50 ms > target");
    }

    @Test
    public void floorDoesNotStepIntoALevelThatMissesTheTarget() {
        assertStay(rule.decide(at(2).mean(1.9).floor(77).build()), "latency wins");
    }

    @Test
    public void floorAboveEveryLevelLeavesTheTopLevelAlone() {
        assertTrue(rule.decide(at(4).mean(1.0).floor(90).build()).isStay());
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsHysteresisOfOne() {
        new StepRule(1.0, 500, 1.5);
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsEmergencyFactorBelowOne() {
        new StepRule(0.15, 500, 0.9);
    }
}
