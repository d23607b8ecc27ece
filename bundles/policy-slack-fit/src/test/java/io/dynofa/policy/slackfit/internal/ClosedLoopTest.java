package io.dynofa.policy.slackfit.internal;

import static org.junit.Assert.assertEquals;

import io.dynofa.monitor.api.Metrics;
import io.dynofa.monitor.api.Signals;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.testing.ClosedLoop;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;

/**
 * The rule driving the api test-jar's plant, whose runs' p95 is taken as 1.05 x their mean: at slowdown 1 level 1
 * (1.6 ms x 1.05 = 1.68 ms) is the most accurate that fits the 1.8 ms budget, and it has the 5 % headroom.
 */
public class ClosedLoopTest {
    private static final double TAIL_OVER_MEAN = 1.05;

    private static ClosedLoop from(int level) {
        SlackFitRule rule = new SlackFitRule(SlackFitRuleTest.TUNING);
        return new ClosedLoop(c -> rule.decide(withTail(c)), level);
    }

    @Test
    public void settlesFromTheTopInOneStepAndStopsSwitching() {
        ClosedLoop loop = from(4);
        loop.run(1.0, 50);
        assertEquals(1, loop.level());
        assertEquals(1, loop.switches());
        loop.assertNoSwitchesDuring(1.0, 200);
    }

    @Test
    public void climbsFromTheBottomAndStopsSwitching() {
        ClosedLoop loop = from(0);
        loop.run(1.0, 50);
        assertEquals(1, loop.level());
        loop.assertNoSwitchesDuring(1.0, 200);
    }

    @Test
    public void reactsToADoubledSlowdownAtTheNextDecisionAndComesBack() {
        ClosedLoop loop = from(1);
        loop.run(1.0, 20);
        assertEquals(1, loop.decisionsUntilLevel(2.0, 0, 1));
        loop.assertNoSwitchesDuring(2.0, 200);
        loop.decisionsUntilLevel(1.0, 1, 10);
        loop.assertNoSwitchesDuring(1.0, 200);
    }

    private static PolicyContext withTail(PolicyContext c) {
        Map<String, Double> signals = new HashMap<>(c.signals().values());
        signals.put(Metrics.LATENCY_P95_MS, signals.get(Metrics.LATENCY_MEAN_MS) * TAIL_OVER_MEAN);
        return new PolicyContext(c.levels(), c.current(), c.targetMs(), c.accuracyFloor(),
            new Signals(signals, c.signals().nanoTime()), c.nanosSinceSwitch());
    }
}
