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
 * How one deployment's level slows the others: on 2 processors with 1 core of other load, {@code hi} (100/s, level 2
 * of {@link Tables#THREE}, slowdown 2) keeps 1.6 cores' worth of threads runnable and expects 16 ms of its 18-ms
 * budget; {@code lo} (50/s, slowdown 2) keeps 0.2 / 0.4 / 0.8 runnable at levels 0 / 1 / 2. The processors are
 * shared by (1 + 1.6 + 0.2) / 2 = 1.4 threads each now; lo at level 2 makes that 1.7 (hi: 16 x 1.7 / 1.4 = 19.4 ms,
 * past its budget), at level 1 1.5 (17.1 ms, within).
 */
public class SharingTest {
    private static final Capacity SHARED = new Capacity(4, 0.9, 2, 1.0);

    private final PriorityWeightedRule rule = new PriorityWeightedRule(200_000);

    private static Claim hi() {
        return withSlowdown(new Claim("hi", 10, THREE, 2, 2, 20, 100, 1, 0), 2);
    }

    private static Claim lo(int current, int proposed) {
        return withSlowdown(new Claim("lo", 1, THREE, current, proposed, 100, 50, 1, 0), 2);
    }

    @Test
    public void aStepUpThatWouldSlowAnotherPastItsDeadlineIsGrantedOnlyAsFarAsItStillFits() {
        Arbitration a = rule.arbitrate(List.of(hi(), lo(0, 2)), SHARED);
        assertEquals(Map.of("hi", 2, "lo", 1), a.levels());
        assertTrue(a.reason(), a.reason().startsWith("stepped down lo 2->1 (its load slows the others past a "
            + "deadline); processors shared x1.21 at the highest levels -> x1.07"));
    }

    @Test
    public void theInterferenceGainScalesWhatTheSharingPredicts() {
        PriorityWeightedRule gained = new PriorityWeightedRule(200_000, 3);
        Arbitration a = gained.arbitrate(List.of(hi(), lo(0, 2)), SHARED);
        assertEquals("lo at 1: 1 + 3 x (1.5 / 1.4 - 1) = 1.21, hi 19.4 ms", Map.of("hi", 2, "lo", 0), a.levels());
        assertEquals("gain 0: no deployment slows another", Map.of("hi", 2, "lo", 2),
            new PriorityWeightedRule(200_000, 0).arbitrate(List.of(hi(), lo(0, 2)), SHARED).levels());
    }

    @Test
    public void withoutTheProcessorsOrTheOtherLoadNothingIsAssumedOfSharing() {
        assertEquals(Map.of("hi", 2, "lo", 2), rule.arbitrate(List.of(hi(), lo(0, 2)), new Capacity(4, 0.9))
            .levels());
        assertEquals(Map.of("hi", 2, "lo", 2), rule.arbitrate(List.of(hi(), lo(0, 2)),
            new Capacity(4, 0.9, 2, Double.NaN)).levels());
    }

    @Test
    public void levelsAlreadyServingAreNotHeldAgainstTheOthers() {
        assertEquals("lo at 2 now: hi's 16 ms was measured beside it", Map.of("hi", 2, "lo", 2),
            rule.arbitrate(List.of(hi(), lo(2, 2)), SHARED).levels());
        assertEquals("stepping down frees the processors", Map.of("hi", 2, "lo", 0),
            rule.arbitrate(List.of(hi(), lo(2, 0)), SHARED).levels());
    }

    @Test
    public void onIdleProcessorsNoLevelSlowsAnother() {
        Capacity idle = new Capacity(4, 0.9, 8, 0);
        assertEquals(Map.of("hi", 2, "lo", 2), rule.arbitrate(List.of(hi(), lo(0, 2)), idle).levels());
        assertEquals(1, idle.sharing(7.9), 0);
        assertEquals(1.25, idle.sharing(10), 1e-12);
    }
}
