package io.dynofa.policy.paperstep.internal;

import static io.dynofa.policy.testing.DecisionAssert.assertMove;
import static io.dynofa.policy.testing.DecisionAssert.assertStay;
import static io.dynofa.policy.testing.PolicyContexts.at;
import static org.junit.Assert.assertTrue;

import io.dynofa.policy.testing.PolicyContexts;
import org.junit.Test;

/** The rule on the {@link PolicyContexts} levels (0.8, 1.6, 1.9, 2.1, 3.0 ms; target 2 ms), window of 4. */
public class PaperStepRuleTest {
    private final LevelLatencyWindow window = new LevelLatencyWindow(4);
    private final PaperStepRule rule = new PaperStepRule(window);

    @Test
    public void firstDecisionFollowsTheServingLevelAndStays() {
        assertStay(rule.decide(at(3).build()), "window 0/4, target 2.00 ms");
        assertTrue(window.follows("", "l"));
    }

    @Test
    public void windowNotYetFullStaysEvenFarOverTarget() {
        rule.decide(at(3).build());
        runs("l", 9.0, 9.0, 9.0);
        assertStay(rule.decide(at(3).build()), "mean 9.00 ms of window 3/4, target 2.00 ms: window not full");
        runs("l", 9.0);
        assertMove(2, rule.decide(at(3).build()), "mean 9.00 ms of window 4/4, target 2.00 ms: over target");
    }

    @Test
    public void aFullWindowAtTheTargetStays() {
        rule.decide(at(3).build());
        runs("l", 1.0, 3.0, 2.0, 2.0);
        assertStay(rule.decide(at(3).build()), "mean 2.00 ms of window 4/4, target 2.00 ms: within target");
    }

    @Test
    public void neverStepsUpOnHeadroom() {
        rule.decide(at(0).build());
        for (int i = 0; i < 50; i++) {
            runs("xs", 0.1, 0.1, 0.1, 0.1);
            assertStay(rule.decide(at(0).build()), "within target");
        }
    }

    @Test
    public void staysAtTheFastestLevel() {
        rule.decide(at(0).build());
        runs("xs", 5.0, 5.0, 5.0, 5.0);
        assertStay(rule.decide(at(0).build()), "over target, already at the fastest level");
    }

    /** Recorded: a level at 1.9 ms, then a co-runner doubles every latency. */
    @Test
    public void contentionOnsetStepsDownOneLevelPerFullWindowUntilTheMeanFits() {
        rule.decide(at(2).build());
        runs("m", 1.8, 1.9, 2.0, 1.9);
        assertStay(rule.decide(at(2).build()), "mean 1.90 ms");
        runs("m", 3.7, 3.9, 3.8, 3.8);
        assertMove(1, rule.decide(at(2).build()), "mean 3.80 ms of window 4/4");
        runs("m", 3.8, 3.8);
        runs("s", 3.1, 3.3);
        assertStay(rule.decide(at(1).build()), "mean 3.20 ms of window 2/4, target 2.00 ms: window not full");
        runs("s", 3.2, 3.2);
        assertMove(0, rule.decide(at(1).build()), "mean 3.20 ms of window 4/4");
        runs("xs", 1.6, 1.7, 1.5, 1.6);
        assertStay(rule.decide(at(0).build()), "mean 1.60 ms of window 4/4, target 2.00 ms: within target");
    }

    @Test
    public void belowTheAccuracyFloorStepsUpWithoutWaitingForTheWindow() {
        assertMove(1, rule.decide(at(0).floor(72).build()), "window 0/4, target 2.00 ms: top-1 70.0% below the"
            + " accuracy floor 72.0%, one level up");
        assertTrue("the window restarted on the next level", window.follows("", "s"));
    }

    @Test
    public void latencyWinsOverTheFloorAndTheTwoAlternateAsInThePaper() {
        rule.decide(at(1).build());
        runs("s", 3.0, 3.0, 3.0, 3.0);
        assertMove(0, rule.decide(at(1).floor(80).build()), "over target, one level down");
        assertMove(1, rule.decide(at(0).floor(80).build()), "below the accuracy floor");
    }

    @Test
    public void aFloorAboveEveryLevelLeavesTheTopLevelAlone() {
        rule.decide(at(4).floor(90).build());
        assertStay(rule.decide(at(4).floor(90).build()), "window not full");
    }

    @Test
    public void aLevelChangeTheRuleDidNotMakeRestartsTheWindow() {
        rule.decide(at(3).build());
        runs("l", 5.0, 5.0, 5.0);
        assertStay(rule.decide(at(1).build()), "window 0/4");
        assertTrue(window.follows("", "s"));
    }

    @Test
    public void resetClearsTheWindow() {
        rule.decide(at(3).build());
        runs("l", 5.0, 5.0, 5.0);
        rule.reset();
        runs("l", 5.0);
        assertStay(rule.decide(at(3).build()), "window 0/4");
        runs("l", 5.0, 5.0, 5.0);
        assertStay(rule.decide(at(3).build()), "window 3/4");
    }

    private void runs(String levelId, double... latenciesMs) {
        for (double ms : latenciesMs) {
            window.record("", levelId, Math.round(ms * 1e6));
        }
    }
}
