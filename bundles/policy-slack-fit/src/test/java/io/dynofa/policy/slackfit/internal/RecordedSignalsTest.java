package io.dynofa.policy.slackfit.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

/**
 * The rule on signals recorded the way the runtime makes them (a window of runs that mixes levels after a switch),
 * at the defaults: margin 0.8 of the 10 ms deadline (8 ms budget), 10 % headroom, 1 s dwell and settling.
 */
public class RecordedSignalsTest {
    private static final Tuning DEFAULTS = new Tuning(0.8, 0.1, 1000, 1000, 0);
    private final WindowedPlant plant = new WindowedPlant(new SlackFitRule(DEFAULTS), 4, false);
    private final WindowedPlant withTail = new WindowedPlant(new SlackFitRule(DEFAULTS), 4, true);

    @Test
    public void followsAContentionOnsetDownAtOnceAndComesBackUpInOneStepWithoutOscillating() {
        plant.run(1.0, 30);
        assertEquals("6 ms x 1.05 fits 8 ms", 4, plant.level());
        assertEquals(List.of(), plant.moves());

        assertEquals("the first window with slow runs moves", 1, plant.decisionsUntilAMove(2.0, 2));
        assertEquals("the first window's two slow runs make p95 1.92: 4 ms x 1.92 fits", 3, plant.level());
        plant.run(2.0, 100);
        assertEquals("once settled, the full window's 2.1 leaves level 2; no cascade, no oscillation",
            List.of(3, 2), plant.moves());

        plant.run(1.0, 100);
        assertEquals("the load eased (the ceiling at 3 lifts): back to the top in one step", List.of(3, 2, 4),
            plant.moves());
        plant.run(1.0, 200);
        assertEquals(List.of(3, 2, 4), plant.moves());
    }

    @Test
    public void aSteadyPhaseSwitchesNothing() {
        plant.run(1.3, 300);
        assertEquals("6 ms x 1.37 misses 8 ms, 4 ms x 1.37 fits", List.of(3), plant.moves());
    }

    @Test
    public void withThePerRunTailSlowdownAnOnsetIsFollowedDownWhileSettlingAndNotOscillated() {
        withTail.run(1.0, 30);
        assertEquals(4, withTail.level());
        assertEquals("two slow runs: tail slowdown 1.94 (the lower of them), 4 ms x 1.94 fits 8 ms", 1,
            withTail.decisionsUntilAMove(2.0, 2));
        assertEquals(3, withTail.level());
        assertEquals("settling, the next slow runs of level 3 show 4 ms x 2.06 over 8 ms: down again", 1,
            withTail.decisionsUntilAMove(2.0, 2));
        assertEquals(2, withTail.level());
        withTail.run(2.0, 100);
        assertEquals("no cascade, no oscillation", List.of(3, 2), withTail.moves());
        withTail.run(1.0, 100);
        assertEquals("the load eased: back to the top in one step", List.of(3, 2, 4), withTail.moves());
        withTail.run(1.0, 200);
        assertEquals(List.of(3, 2, 4), withTail.moves());
    }
}
