package io.dynofa.policy.step.internal;

import static org.junit.Assert.assertEquals;

import io.dynofa.policy.testing.ClosedLoop;
import org.junit.Test;

/** The rule driving a plant whose mean latency is the level's profiled latency times the slowdown. */
public class ClosedLoopTest {

    private static ClosedLoop from(int level) {
        return new ClosedLoop(new StepRule(0.15, 500, 1.5)::decide, level);
    }

    @Test
    public void settlesJustUnderTheTargetFromTheTopAndStopsSwitching() {
        ClosedLoop loop = from(4);
        loop.run(1.0, 50);
        assertEquals("level 1.9 ms, the next one 2.1 ms", 2, loop.level());
        assertEquals(2, loop.switches());
        loop.assertNoSwitchesDuring(1.0, 200);
    }

    @Test
    public void climbsFromTheBottomUntilTheHysteresisBandAndStopsSwitching() {
        ClosedLoop loop = from(0);
        loop.run(1.0, 50);
        assertEquals("next level est. 1.9 ms is not below 1.7 ms", 1, loop.level());
        loop.assertNoSwitchesDuring(1.0, 200);
    }

    @Test
    public void followsContentionDownAndBackUp() {
        ClosedLoop loop = from(2);
        loop.run(1.5, 50);
        assertEquals("only 0.8 ms x 1.5 fits 2 ms", 0, loop.level());
        loop.assertNoSwitchesDuring(1.5, 200);
        loop.run(1.0, 50);
        assertEquals(1, loop.level());
        loop.assertNoSwitchesDuring(1.0, 200);
    }
}
