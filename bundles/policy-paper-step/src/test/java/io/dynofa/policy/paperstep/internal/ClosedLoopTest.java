package io.dynofa.policy.paperstep.internal;

import static org.junit.Assert.assertEquals;

import io.dynofa.monitor.api.Metrics;
import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.testing.ClosedLoop;
import org.junit.Test;

/**
 * The rule driving the api's plant: between two decisions the serving level runs {@value #RUNS_PER_DECISION}
 * times at the plant's mean latency, so a window of 20 fills in two decisions.
 */
public class ClosedLoopTest {
    private static final int RUNS_PER_DECISION = 10;

    private static ClosedLoop from(int level) {
        LevelLatencyWindow window = new LevelLatencyWindow(20);
        PaperStepRule rule = new PaperStepRule(window);
        return new ClosedLoop(c -> decideAfterRuns(rule, window, c), level);
    }

    private static Decision decideAfterRuns(PaperStepRule rule, LevelLatencyWindow window, PolicyContext c) {
        long latencyNanos = Math.round(c.signals().get(Metrics.LATENCY_MEAN_MS).orElseThrow() * 1e6);
        for (int i = 0; i < RUNS_PER_DECISION; i++) {
            window.record(c.backendId(), c.currentLevel().id(), latencyNanos);
        }
        return rule.decide(c);
    }

    @Test
    public void neverClimbsOnHeadroom() {
        ClosedLoop loop = from(0);
        loop.assertNoSwitchesDuring(1.0, 200);
        assertEquals("0.8 ms; 1.6 and 1.9 ms would fit 2 ms", 0, loop.level());
    }

    @Test
    public void stepsDownOncePerFullWindowFromTheTopUntilTheMeanFits() {
        ClosedLoop loop = from(4);
        assertEquals("first decision starts the window, two more fill it", 3, loop.decisionsUntilLevel(1.0, 3, 10));
        assertEquals("a new window of 20 runs on 2.1 ms", 2, loop.decisionsUntilLevel(1.0, 2, 10));
        loop.assertNoSwitchesDuring(1.0, 200);
        assertEquals(2, loop.switches());
    }

    @Test
    public void contentionOnsetStepsDownOneLevelPerFullWindowAndNeverComesBack() {
        ClosedLoop loop = from(2);
        loop.assertNoSwitchesDuring(1.0, 50);
        assertEquals("half the window already slowed 1.9 ms to 3.8 ms: mean 2.85 ms", 1,
            loop.decisionsUntilLevel(2.0, 1, 10));
        assertEquals("3.2 ms over a full new window", 2, loop.decisionsUntilLevel(2.0, 0, 10));
        loop.assertNoSwitchesDuring(2.0, 200);
        loop.assertNoSwitchesDuring(1.0, 200);
        assertEquals("the contention ended, the paper's rule stays at the fastest level", 0, loop.level());
    }
}
