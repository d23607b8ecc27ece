package io.dynofa.arbiter.priority.internal;

import static io.dynofa.arbiter.priority.internal.Tables.THREE;
import static io.dynofa.arbiter.priority.internal.Tables.withSlowdown;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.arbiter.api.Arbitration;
import io.dynofa.arbiter.api.Capacity;
import io.dynofa.arbiter.api.Claim;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * Stepping one deployment down to make room for another: on 2 processors with 1 core of other load, {@code hi}
 * (100/s at level 1 of {@link Tables#THREE}, slowdown 2.5) keeps 1.0 core runnable and expects 10 ms at level 1 but
 * 20 ms at level 2, past its 18-ms budget; {@code lo} (50/s at level 2, slowdown 2) keeps 0.8 runnable. The
 * processors are shared by (1 + 1.0 + 0.8) / 2 = 1.4 threads each; lo at level 1 makes that 1.2, which with a gain
 * of 3 slows hi by 1 + 3 x (1.2 / 1.4 - 1) = 0.57 of now: level 2 then expects 11.4 ms, within its budget.
 */
public class RoomTest {
    private static final Capacity SHARED = new Capacity(4, 0.9, 2, 1.0);

    private final PriorityWeightedRule rule = new PriorityWeightedRule(200_000, 3, true);

    private static Claim hi(int priority) {
        return withSlowdown(new Claim("hi", priority, THREE, 1, 1, 20, 100, 1, 0), 2.5);
    }

    private static Claim lo(int priority) {
        return withSlowdown(new Claim("lo", priority, THREE, 2, 2, 100, 50, 1, 0), 2);
    }

    @Test
    public void aLowerPriorityStepsDownWhenThatLetsAHigherOneClimb() {
        Arbitration a = rule.arbitrate(List.of(hi(10), lo(1)), SHARED);
        assertEquals("lo 93 -> 91 costs 2, hi 91 -> 93 gains 10 x 2", Map.of("hi", 1, "lo", 1), a.levels());
        assertTrue(a.reason(), a.reason().startsWith("stepped down lo 2->1 (room for the others); room: hi can "
            + "reach 2 at x0.57; weighted top-1 1001.00 of 1003.00"));
    }

    @Test
    public void noRoomIsMadeUnlessConfigured() {
        assertEquals(Map.of("hi", 1, "lo", 2),
            new PriorityWeightedRule(200_000, 3).arbitrate(List.of(hi(10), lo(1)), SHARED).levels());
    }

    @Test
    public void theRoomIsWeighedByPriority() {
        assertEquals("hi's gain 1 x 2 does not pay for lo's loss 10 x 2", Map.of("hi", 1, "lo", 2),
            rule.arbitrate(List.of(hi(1), lo(10)), SHARED).levels());
    }

    @Test
    public void noRoomIsMadeForADeploymentAlreadyAtItsMostAccurateReach() {
        Claim atTop = withSlowdown(new Claim("hi", 10, THREE, 2, 2, 40, 100, 1, 0), 2.5);
        assertEquals(Map.of("hi", 2, "lo", 2), rule.arbitrate(List.of(atTop, lo(1)), SHARED).levels());
    }

    @Test
    public void withoutSharingNoRoomIsExpected() {
        assertEquals("processors and other load unknown", Map.of("hi", 1, "lo", 2),
            rule.arbitrate(List.of(hi(10), lo(1)), new Capacity(4, 0.9)).levels());
        assertEquals("idle processors", Map.of("hi", 1, "lo", 2),
            rule.arbitrate(List.of(hi(10), lo(1)), new Capacity(4, 0.9, 8, 0)).levels());
        assertEquals("gain 0: no deployment slows another", Map.of("hi", 1, "lo", 2),
            new PriorityWeightedRule(200_000, 0, true).arbitrate(List.of(hi(10), lo(1)), SHARED).levels());
    }

    @Test
    public void theExhaustiveSearchKeepsTheRoomWhenItPrunes() {
        Claim mid = withSlowdown(new Claim("mid", 5, THREE, 2, 2, 100, 10, 1, 0), 1);
        Arbitration a = rule.arbitrate(List.of(hi(10), lo(1), mid), SHARED);
        assertEquals(1, (int) a.levels().get("hi"));
        assertTrue(a.reason(), a.levels().get("lo") < 2);
    }
}
