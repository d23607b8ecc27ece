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
 * A climb must leave headroom: {@code hi} serves level 1 of {@link Tables#THREE} (2, 4, 8 ms) and its policy proposes
 * level 2, which expects 8 ms of its 10-ms budget (deadline 10, margin 1). With a climb headroom of 0.25 a level above
 * the current one must fit 7.5 ms; staying, or stepping down, is judged on the whole budget.
 */
public class ClimbHeadroomTest {
    private static final Capacity ROOMY = new Capacity(4, 1.0);

    private final PriorityWeightedRule held = new PriorityWeightedRule(200_000, 0, false, 0.25);

    private static Claim hi(int current, int proposed, double slowdown) {
        return withSlowdown(new Claim("hi", 10, THREE, current, proposed, 10, 0, 1, 0), slowdown);
    }

    @Test
    public void aClimbIntoTheHeadroomIsHeldAtTheLevelServing() {
        Arbitration a = held.arbitrate(List.of(hi(1, 2, 1)), ROOMY);
        assertEquals(Map.of("hi", 1), a.levels());
        assertTrue(a.reason(), a.reason().startsWith("stepped down hi 2->1 (climb: 2 expects 8"));
        assertTrue(a.reason(), a.reason().contains("with headroom"));
    }

    @Test
    public void withoutHeadroomTheClimbIsGranted() {
        assertEquals(Map.of("hi", 2), new PriorityWeightedRule(200_000, 0, false).arbitrate(List.of(hi(1, 2, 1)),
            ROOMY).levels());
        assertEquals(Map.of("hi", 2), new PriorityWeightedRule(200_000, 0, false, 0).arbitrate(List.of(hi(1, 2, 1)),
            ROOMY).levels());
    }

    @Test
    public void aLevelAlreadyServingKeepsTheWholeBudget() {
        assertEquals("level 2 serving, 8 of 10 ms", Map.of("hi", 2), held.arbitrate(List.of(hi(2, 2, 1)), ROOMY).levels());
        assertEquals("level 1 serving at slowdown 2, 8 of 10 ms", Map.of("hi", 1),
            held.arbitrate(List.of(hi(1, 1, 2)), ROOMY).levels());
    }

    @Test
    public void aClimbThatFitsTheHeadroomIsGranted() {
        assertEquals("level 1 expects 4 of 7.5 ms", Map.of("hi", 1), held.arbitrate(List.of(hi(0, 1, 1)), ROOMY)
            .levels());
    }

    @Test
    public void aClimbPastTheBudgetItselfIsADeadlineStep() {
        Arbitration a = held.arbitrate(List.of(hi(1, 2, 1.5)), ROOMY);
        assertEquals(Map.of("hi", 1), a.levels());
        assertTrue(a.reason(), a.reason().startsWith("stepped down hi 2->1 (deadline: 2 expects 12"));
    }
}
