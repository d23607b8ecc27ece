package io.dynofa.arbiter.priority.internal;

import static io.dynofa.arbiter.priority.internal.Tables.THREE;
import static io.dynofa.arbiter.priority.internal.Tables.claim;
import static io.dynofa.arbiter.priority.internal.Tables.levels;
import static io.dynofa.arbiter.priority.internal.Tables.withFloor;
import static io.dynofa.arbiter.priority.internal.Tables.withSlowdown;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.arbiter.api.Arbitration;
import io.dynofa.arbiter.api.Capacity;
import io.dynofa.arbiter.api.Claim;
import io.dynofa.policy.api.Level;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * The rule on hand-made tables. With {@link Tables#THREE} at 100 requests per second a deployment demands 0.2 /
 * 0.4 / 0.8 cores at levels 0 / 1 / 2, and a deadline of 20 ms at margin 0.9 leaves 18 ms.
 */
public class PriorityWeightedRuleTest {
    private static final Capacity TWO_CORES = new Capacity(2, 0.9);

    private final PriorityWeightedRule rule = new PriorityWeightedRule(200_000);

    @Test
    public void proposalsThatFitAreGrantedAsProposed() {
        Arbitration a = rule.arbitrate(List.of(claim("cam-a", 1, THREE, 2, 20, 100), claim("cam-b", 2, THREE, 1, 20,
            100)), TWO_CORES);
        assertEquals(Map.of("cam-a", 2, "cam-b", 1), a.levels());
        assertEquals("proposals fit", a.reason());
    }

    @Test
    public void contendedCpuStepsTheLowPriorityDeploymentDownFirst() {
        List<Claim> claims = List.of(claim("lo", 1, THREE, 2, 20, 100), claim("hi", 3, THREE, 2, 20, 100));
        Arbitration a = rule.arbitrate(claims, new Capacity(1.25, 0.9));
        assertEquals(Map.of("lo", 1, "hi", 2), a.levels());
        assertEquals("stepped down lo 2->1 (CPU); CPU 1.60 -> 1.20 of 1.25 cores; weighted top-1 370.00 of 372.00",
            a.reason());
        assertEquals(List.of("lo", "hi"), List.copyOf(a.levels().keySet()));
    }

    @Test
    public void theHighPriorityDeploymentStepsDownOnlyWhenThatCostsLessWeightedAccuracy() {
        List<Level> steep = levels(new double[] {80, 81, 93}, new double[] {2, 4, 8});
        List<Claim> claims = List.of(claim("lo", 1, steep, 2, 20, 100), claim("hi", 2, THREE, 2, 20, 100));
        Arbitration a = rule.arbitrate(claims, new Capacity(1.25, 0.9));
        assertEquals("hi losing 2 points x 2 costs less than lo losing 12", Map.of("lo", 2, "hi", 1), a.levels());
    }

    @Test
    public void aDeadlineMissStepsOnlyThatDeploymentDown() {
        Claim slowed = withSlowdown(claim("a", 1, THREE, 2, 20, 100), 3);
        Arbitration a = rule.arbitrate(List.of(slowed, claim("b", 1, THREE, 2, 20, 100)), TWO_CORES);
        assertEquals(Map.of("a", 1, "b", 2), a.levels());
        assertEquals("stepped down a 2->1 (deadline: 2 expects 24.00 > 18.00 ms); weighted top-1 184.00 of 186.00",
            a.reason());
    }

    @Test
    public void aDeadlineAndTheCpuTogetherAreBothNamed() {
        Claim slowed = withSlowdown(claim("a", 1, THREE, 2, 20, 100), 3);
        Arbitration a = rule.arbitrate(List.of(slowed, claim("b", 2, THREE, 2, 20, 100)), new Capacity(1.05, 0.9));
        assertEquals(Map.of("a", 0, "b", 2), a.levels());
        assertEquals("stepped down a 2->0 (deadline: 2 expects 24.00 > 18.00 ms; CPU); CPU 1.20 -> 1.00 of 1.05"
            + " cores; weighted top-1 274.00 of 279.00", a.reason());
    }

    @Test
    public void theFloorBoundsTheStepsDown() {
        List<Claim> claims = List.of(claim("lo", 1, THREE, 2, 20, 100), claim("hi", 3, THREE, 2, 20, 100));
        Capacity capacity = new Capacity(1.05, 0.9);
        assertEquals(Map.of("lo", 0, "hi", 2), rule.arbitrate(claims, capacity).levels());
        List<Claim> floored = List.of(withFloor(claims.get(0), 90.5), claims.get(1));
        assertEquals(Map.of("lo", 1, "hi", 1), rule.arbitrate(floored, capacity).levels());
    }

    @Test
    public void onEqualWeightedAccuracyFewerStepsDownWin() {
        List<Level> two = levels(new double[] {90, 92}, new double[] {1, 2});
        List<Level> three = levels(new double[] {90, 91, 92}, new double[] {1, 1.5, 2});
        List<Claim> claims = List.of(claim("a", 1, two, 1, 20, 1000), claim("b", 1, three, 2, 20, 1000));
        Arbitration a = rule.arbitrate(claims, new Capacity(3, 1));
        assertEquals("a one step down and b two lose the same 2 points", Map.of("a", 0, "b", 2), a.levels());
    }

    @Test
    public void onEqualWeightedAccuracyAndStepsTheHigherPriorityKeepsItsLevel() {
        List<Level> flat = levels(new double[] {90, 91}, new double[] {1, 2});
        List<Level> steep = levels(new double[] {90, 92}, new double[] {1, 2});
        List<Claim> claims = List.of(claim("a", 1, steep, 1, 20, 1000), claim("z", 2, flat, 1, 20, 1000));
        assertEquals(Map.of("a", 0, "z", 1), rule.arbitrate(claims, new Capacity(3, 1)).levels());
    }

    @Test
    public void onEqualPrioritiesTheFirstNameKeepsItsLevel() {
        List<Claim> claims = List.of(claim("b", 1, THREE, 2, 20, 100), claim("a", 1, THREE, 2, 20, 100));
        Arbitration a = rule.arbitrate(claims, new Capacity(1.25, 0.9));
        assertEquals(Map.of("a", 2, "b", 1), a.levels());
        assertEquals(a, rule.arbitrate(List.of(claims.get(1), claims.get(0)), new Capacity(1.25, 0.9)));
    }

    @Test
    public void whenNoGrantFitsTheDeploymentsAreServedInPriorityOrder() {
        List<Claim> claims = List.of(claim("lo", 1, THREE, 2, 1, 100), claim("mid", 2, THREE, 2, 20, 100),
            claim("hi", 3, THREE, 2, 20, 100));
        Arbitration a = rule.arbitrate(claims, new Capacity(1.45, 0.9));
        assertEquals(Map.of("lo", 0, "mid", 1, "hi", 2), a.levels());
        assertEquals("no grant fits (lo meets its deadline at no level (0 expects 2.00, budget 0.90 ms)): in priority"
            + " order hi 2, mid 2->1, lo 2->0 (lowest)", a.reason());
    }

    @Test
    public void whenEvenTheLowestLevelsExceedTheCoresOnlyDemandFreeDeploymentsKeepTheirProposals() {
        List<Claim> claims = List.of(claim("hi", 3, THREE, 2, 20, 100), claim("lo", 1, THREE, 2, 20, 100),
            claim("unmeasured", 1, THREE, 2, 20, 0));
        Arbitration a = rule.arbitrate(claims, new Capacity(0.3, 0.9));
        assertEquals(Map.of("hi", 0, "lo", 0, "unmeasured", 2), a.levels());
        assertEquals("no grant fits (CPU at the least demanding levels 0.40 > 0.30 cores): in priority order"
            + " hi 2->0 (lowest), lo 2->0 (lowest), unmeasured 2", a.reason());
    }

    @Test
    public void noClaimsGrantNothing() {
        assertEquals(new Arbitration(Map.of(), "no claims"), rule.arbitrate(List.of(), TWO_CORES));
        assertEquals(new Arbitration(Map.of(), "no claims"), rule.arbitrate(null, TWO_CORES));
    }

    @Test
    public void anUnknownSlowdownCountsAsOne() {
        Claim slowed = withSlowdown(claim("a", 1, THREE, 2, 20, 100), 3);
        assertEquals(Map.of("a", 1), rule.arbitrate(List.of(slowed), TWO_CORES).levels());
        for (double unknown : new double[] {Double.NaN, 0, -2, Double.POSITIVE_INFINITY}) {
            Arbitration a = rule.arbitrate(List.of(withSlowdown(slowed, unknown)), TWO_CORES);
            assertEquals("slowdown " + unknown, new Arbitration(Map.of("a", 2), "proposals fit"), a);
        }
    }

    @Test
    public void aProposalOutOfRangeCountsAsTheNearestLevel() {
        Arbitration a = rule.arbitrate(List.of(claim("a", 1, THREE, 7, 20, 100), claim("b", 1, THREE, -1, 20, 100)),
            TWO_CORES);
        assertEquals(Map.of("a", 2, "b", 0), a.levels());
        assertEquals("proposals fit; a proposed 7 outside 0..2, taken as 2; b proposed -1 outside 0..2, taken as 0",
            a.reason());
    }

    @Test
    public void theFirstClaimOfANameCountsAndOddClaimsAreNamed() {
        List<Claim> claims = new java.util.ArrayList<>(List.of(claim("a", 1, THREE, 2, 20, 100),
            claim("a", 5, THREE, 0, 20, 100), claim(" ", 1, THREE, 2, 20, 100), claim("empty", 1, List.of(), 0, 20, 1),
            claim("b", 0, THREE, 1, 20, 100)));
        claims.add(null);
        Arbitration a = rule.arbitrate(claims, TWO_CORES);
        assertEquals(Map.of("a", 2, "b", 1), a.levels());
        assertEquals("proposals fit; a second claim of a ignored; a claim without a deployment name ignored;"
            + " empty has no levels: not granted; b priority 0 taken as 1; a null claim ignored", a.reason());
    }

    @Test
    public void aFloorNoLevelReachesCountsAsNone() {
        List<Claim> claims = List.of(withFloor(claim("lo", 1, THREE, 2, 20, 100), 99),
            claim("hi", 3, THREE, 2, 20, 100));
        Arbitration a = rule.arbitrate(claims, new Capacity(1.05, 0.9));
        assertEquals(Map.of("lo", 0, "hi", 2), a.levels());
        assertTrue(a.reason(), a.reason().endsWith("; lo floor 99.00% above every level, taken as 0"));
    }

    @Test
    public void aProposalBelowTheFloorLowersTheFloor() {
        Arbitration a = rule.arbitrate(List.of(withFloor(claim("a", 1, THREE, 0, 20, 100), 92)), TWO_CORES);
        assertEquals(new Arbitration(Map.of("a", 0), "proposals fit"), a);
    }

    @Test
    public void aLevelWithoutAUsableLatencyIsNeverGranted() {
        List<Level> broken = levels(new double[] {88, 91, 93}, new double[] {2, 4, Double.NaN});
        Arbitration a = rule.arbitrate(List.of(claim("a", 1, broken, 2, 20, 100)), TWO_CORES);
        assertEquals(Map.of("a", 1), a.levels());
        assertEquals("stepped down a 2->1 (deadline: 2 expects Infinity > 18.00 ms); weighted top-1 91.00 of 93.00",
            a.reason());
    }

    @Test
    public void unknownRatesDemandNothingAndNoLimitsLeaveTheProposals() {
        List<Claim> claims = List.of(claim("a", 1, THREE, 2, 20, Double.NaN), claim("b", 1, THREE, 2, 20, -5),
            claim("c", 1, THREE, 2, 20, Double.POSITIVE_INFINITY));
        assertEquals(Map.of("a", 2, "b", 2, "c", 2), rule.arbitrate(claims, new Capacity(0, 0.9)).levels());
        List<Claim> busy = List.of(claim("a", 1, THREE, 2, Double.POSITIVE_INFINITY, 1e6));
        assertEquals(new Arbitration(Map.of("a", 2), "proposals fit"),
            rule.arbitrate(busy, new Capacity(Double.POSITIVE_INFINITY, 1)));
    }

    @Test
    public void unknownCapacityLeavesTheLowestLevels() {
        List<Claim> claims = List.of(withFloor(claim("a", 1, THREE, 2, 20, 100), 90), claim("b", 1, THREE, 2, 20, 100));
        Arbitration none = rule.arbitrate(claims, null);
        assertEquals(Map.of("a", 1, "b", 0), none.levels());
        assertTrue(none.reason(), none.reason().endsWith("; no capacity given"));
        Arbitration nanCores = rule.arbitrate(claims, new Capacity(Double.NaN, 0.9));
        assertEquals(Map.of("a", 1, "b", 0), nanCores.levels());
        assertTrue(nanCores.reason(), nanCores.reason().endsWith("; cores NaN taken as 0"));
        Arbitration nanMargin = rule.arbitrate(claims, new Capacity(2, Double.NaN));
        assertEquals(Map.of("a", 1, "b", 0), nanMargin.levels());
        assertTrue(nanMargin.reason(), nanMargin.reason().endsWith("; margin NaN: no level meets a deadline"));
        Arbitration nanDeadline = rule.arbitrate(List.of(claim("a", 1, THREE, 2, Double.NaN, 100)), TWO_CORES);
        assertEquals(Map.of("a", 0), nanDeadline.levels());
    }

    @Test
    public void aMarginAboveOneCountsAsOne() {
        Claim tight = claim("a", 1, THREE, 2, 8, 100);
        Arbitration a = rule.arbitrate(List.of(tight), new Capacity(2, 1.5));
        assertEquals(new Arbitration(Map.of("a", 2), "proposals fit; margin 1.50 taken as 1"), a);
        assertEquals(Map.of("a", 1), rule.arbitrate(List.of(withSlowdown(tight, 1.01)), new Capacity(2, 1.5))
            .levels());
    }

    @Test
    public void aNameOnSeveralLinesIsGivenOnOne() {
        Claim slowed = withSlowdown(claim("a\nb", 1, THREE, 2, 20, 100), 3);
        Arbitration a = rule.arbitrate(List.of(slowed), TWO_CORES);
        assertEquals(Map.of("a\nb", 1), a.levels());
        assertTrue(a.reason(), a.reason().startsWith("stepped down a?b 2->1"));
    }
}
