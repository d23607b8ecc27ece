package io.dynofa.policy.slackfit.internal;

import static io.dynofa.policy.testing.DecisionAssert.assertMove;
import static io.dynofa.policy.testing.DecisionAssert.assertStay;
import static io.dynofa.policy.testing.PolicyContexts.context;

import io.dynofa.monitor.api.Metrics;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.testing.PolicyContexts;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;

/**
 * The ceiling on the test-jar's levels (0.8, 1.6, 1.9, 2.1, 3.0 ms), 2 ms target, margin 0.9 (1.8 ms budget),
 * 5 % headroom (1.71 ms for a step up): level 3 at p95 1.89 (slowdown 0.9) is over budget and steps down to 2;
 * level 2 at p95 1.52 (slowdown 0.8) then shows headroom for 3 (est. 1.68 ms).
 */
public class CeilingRuleTest {
    private final AtomicLong now = new AtomicLong();
    private final SlackFitRule rule = new SlackFitRule(SlackFitRuleTest.TUNING, now::get);

    @Test
    public void aLevelLeftByAStepDownStaysOutOfReachWhileTheLoadLasts() {
        missAtThree();
        assertStay(rule.decide(headroomAtTwo(0.8)), "level 3 missed under this load, kept out for up to 2000 ms");
        later(1999);
        assertStay(rule.decide(headroomAtTwo(0.8)), "kept out");
        later(1);
        assertMove(3, rule.decide(headroomAtTwo(0.8)), "up to 3: level 3 est. 1.68 ms <= 1.71 ms with headroom");
    }

    @Test
    public void theCeilingLiftsAtOnceWhenTheLoadEases() {
        missAtThree();
        assertMove(3, rule.decide(headroomAtTwo(0.6)), "up to 3");
    }

    @Test
    public void missingAgainDoublesTheHold() {
        missAtThree();
        later(2500);
        missAtThree();
        later(3999);
        assertStay(rule.decide(headroomAtTwo(0.8)), "kept out for up to 4000 ms");
        later(1);
        assertMove(3, rule.decide(headroomAtTwo(0.8)), "up to 3");
    }

    @Test
    public void aMissAtAnotherLevelStartsAgainFromTheFirstHold() {
        missAtThree();
        later(500);
        assertMove(1, rule.decide(tail(2, 2.09, 1.1)), "level 2 est. 2.09 ms over budget");
        assertStay(rule.decide(context(1, Map.of(Metrics.LATENCY_P95_MS, 0.8, Metrics.SLOWDOWN, 1.1), 0,
            PolicyContexts.LONG_AGO_MS)), "level 2 missed under this load, kept out for up to 2000 ms");
    }

    @Test
    public void aZeroCeilingKeepsNoLevelOut() {
        SlackFitRule without = new SlackFitRule(new Tuning(0.9, 0.05, 300, 200, 0, 1000, 0), now::get);
        assertMove(2, without.decide(tail(3, 1.89, 0.9)), "over budget");
        assertMove(3, without.decide(headroomAtTwo(0.8)), "up to 3");
    }

    @Test
    public void resetForgetsTheCeiling() {
        missAtThree();
        rule.reset();
        assertMove(3, rule.decide(headroomAtTwo(0.8)), "up to 3");
    }

    private void missAtThree() {
        assertMove(2, rule.decide(tail(3, 1.89, 0.9)), "level 3 est. 1.89 ms over budget");
    }

    private static PolicyContext headroomAtTwo(double runSlowdown) {
        return tail(2, 1.52, runSlowdown);
    }

    private static PolicyContext tail(int current, double p95, double runSlowdown) {
        return context(current, Map.of(Metrics.LATENCY_P95_MS, p95, Metrics.SLOWDOWN, runSlowdown), 0,
            PolicyContexts.LONG_AGO_MS);
    }

    private void later(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
