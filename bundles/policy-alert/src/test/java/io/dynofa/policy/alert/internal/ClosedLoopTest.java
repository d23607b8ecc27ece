package io.dynofa.policy.alert.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.policy.testing.ClosedLoop;
import org.junit.Test;

/** The default rule driving a plant that reports a given slowdown, one decision every 100 ms. */
public class ClosedLoopTest {
    private final AlertRule rule = new AlertRule(new SlowdownFilter(0.01, 0.1), 1.0, 0.9, 300);
    private final ClosedLoop loop = new ClosedLoop(rule::decide, 1);

    @Test
    public void reactsToContentionWithinAFewDecisionsAndRecoversAfterIt() {
        loop.run(0.9, 50);
        assertEquals("1.6 ms x (0.9 + σ) fits 1.8 ms, 1.9 ms x (0.9 + σ) misses 2 ms", 1, loop.level());

        int decisions = loop.decisionsUntilLevel(1.8, 0, 10);
        assertTrue("moved down after " + decisions + " decisions", decisions <= 3);
        loop.assertNoSwitchesDuring(1.8, 200);

        decisions = loop.decisionsUntilLevel(0.9, 1, 50);
        assertTrue("moved back up after " + decisions + " decisions", decisions > 3 && decisions <= 20);
        loop.assertNoSwitchesDuring(0.9, 200);
    }
}
