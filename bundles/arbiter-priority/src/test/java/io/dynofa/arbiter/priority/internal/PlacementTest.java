package io.dynofa.arbiter.priority.internal;

import static io.dynofa.arbiter.priority.internal.Tables.THREE;
import static io.dynofa.arbiter.priority.internal.Tables.levels;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.arbiter.api.Arbitration;
import io.dynofa.arbiter.api.Capacity;
import io.dynofa.arbiter.api.Claim;
import io.dynofa.arbiter.api.Placement;
import io.dynofa.policy.api.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * Placement across backends on hand-made tables. The processors: {@link Tables#THREE} (88 / 91 / 93 % at 2 / 4 /
 * 8 ms) on {@code cpu}, 1.25 cores, margin 0.9; 100 requests per second each, so level 2 takes 0.8 cores there.
 */
public class PlacementTest {
    /** The same levels on a GPU, twice as fast: 1 / 2 / 4 ms. */
    private static final List<Level> GPU_LEVELS = levels(new double[] {88, 91, 93}, new double[] {1, 2, 4});
    private static final Capacity CORES = new Capacity(1.25, 0.9);
    private static final Placement CPU = new Placement("cpu", "cpu", 1, THREE, Double.NaN);
    private static final Placement GPU = new Placement("gpu", "cuda:0", 1, GPU_LEVELS, Double.NaN);

    private final PriorityWeightedRule rule = new PriorityWeightedRule(200_000);
    private final PlacingRule placing = new PlacingRule(rule, 16, 1);

    private static Claim on(String name, int priority, int proposed, double deadlineMs, Placement... placements) {
        return new Claim(name, priority, THREE, proposed, proposed, deadlineMs, 100, 1, 0, "cpu",
            List.of(placements));
    }

    @Test
    public void theDeploymentThatCanGoToTheGpuGoesAndBothKeepTheirProposals() {
        List<Claim> claims = List.of(on("hi", 3, 2, 20, CPU), on("lo", 1, 2, 20, CPU, GPU));
        assertEquals(Map.of("hi", 2, "lo", 1), rule.arbitrate(claims, CORES).levels());
        Arbitration placed = placing.arbitrate(claims, CORES);
        assertEquals(Map.of("hi", 2, "lo", 2), placed.levels());
        assertEquals(Map.of("lo", "gpu"), placed.backends());
        assertTrue(placed.reason(), placed.reason().startsWith("placed lo on gpu (cuda:0): weighted top-1 372.00 against"
            + " 370.00 staying put"));
    }

    @Test
    public void whenEitherCouldGoTheLowerPriorityOneMovesAndTheOtherStaysWhereItServes() {
        List<Claim> claims = List.of(on("hi", 3, 2, 20, CPU, GPU), on("lo", 1, 2, 20, CPU, GPU));
        Arbitration placed = placing.arbitrate(claims, CORES);
        assertEquals(Map.of("lo", "gpu"), placed.backends());
        assertEquals(Map.of("hi", 2, "lo", 2), placed.levels());
        List<Claim> reversed = List.of(claims.get(1), claims.get(0));
        assertEquals(Map.of("lo", "gpu"), placing.arbitrate(reversed, CORES).backends());
    }

    @Test
    public void aMoveThatGainsLessThanTheMinimumStaysPut() {
        List<Claim> claims = List.of(on("hi", 3, 2, 20, CPU), on("lo", 1, 2, 20, CPU, GPU));
        Arbitration stayed = new PlacingRule(rule, 16, 2.5).arbitrate(claims, CORES);
        assertEquals(Map.of("hi", 2, "lo", 1), stayed.levels());
        assertEquals(Map.of(), stayed.backends());
        assertEquals(rule.arbitrate(claims, CORES).reason(), stayed.reason());
    }

    @Test
    public void aDeadlineNoLevelMeetsWhereItIsMovesWhateverTheMinimumGain() {
        // 1.5 ms x 0.9: no level of the processors (2 ms at the fastest), level 0 of the GPU (1 ms)
        List<Claim> claims = List.of(on("hi", 3, 2, 1.5, CPU, GPU), on("lo", 1, 2, 20, CPU));
        Arbitration placed = new PlacingRule(rule, 16, 100).arbitrate(claims, CORES);
        assertEquals(Map.of("hi", "gpu"), placed.backends());
        assertEquals(Map.of("hi", 0, "lo", 2), placed.levels());
        assertTrue(placed.reason(), placed.reason().contains("staying put does not fit"));
    }

    @Test
    public void anotherBackendNeverGrantsMoreAccuracyThanTheProposal() {
        List<Claim> claims = List.of(on("hi", 3, 2, 20, CPU), on("lo", 1, 1, 20, CPU, GPU));
        Arbitration placed = new PlacingRule(rule, 16, 0).arbitrate(claims, new Capacity(0.8, 0.9));
        // staying, hi steps down to 1 beside lo's 1 (0.4 + 0.4 cores); on the GPU lo keeps its 1 (91 %), hi its 2
        assertEquals("gpu", placed.backends().get("lo"));
        assertEquals(Integer.valueOf(1), placed.levels().get("lo"));
        assertEquals(Integer.valueOf(2), placed.levels().get("hi"));
    }

    @Test
    public void aBackendOfTwoThreadsCostsTwoCoresPerRunAndIsTakenOnlyWhereItGains() {
        // cpu2: 1 / 2 / 4 ms with 2 threads each run, the same processor time per request as cpu
        Placement cpu2 = new Placement("cpu2", "cpu", 2, GPU_LEVELS, Double.NaN);
        // 5 ms x 0.9: level 1 at most on cpu (4 ms), level 2 on cpu2 (4 ms): 0.8 cores there
        List<Claim> tight = List.of(on("hi", 3, 2, 5, CPU, cpu2));
        Arbitration placed = placing.arbitrate(tight, CORES);
        assertEquals(Map.of("hi", "cpu2"), placed.backends());
        assertEquals(Map.of("hi", 2), placed.levels());
        // with 0.5 cores, cpu2's level 2 takes 0.8: its level 1 (0.4 cores) is worth no more than cpu's level 1
        Arbitration stayed = placing.arbitrate(tight, new Capacity(0.5, 0.9));
        assertEquals(Map.of(), stayed.backends());
        assertEquals(Map.of("hi", 1), stayed.levels());
    }

    @Test
    public void theThreadsOfTheServingBackendCountInItsDemand() {
        Placement cpu2 = new Placement("cpu2", "cpu", 2, THREE, Double.NaN);
        Claim served = new Claim("one", 1, THREE, 2, 2, 20, 100, 1, 0, "cpu2", List.of(cpu2));
        // level 2 at 100/s on 2 threads: 1.6 cores > 1.25; level 1: 0.8
        assertEquals(Map.of("one", 1), placing.arbitrate(List.of(served), CORES).levels());
        assertEquals(Map.of("one", 2), rule.arbitrate(List.of(served), CORES).levels());
    }

    @Test
    public void aGpuAlreadyFullOfAnotherDeploymentTakesNoMore() {
        // hi serves on the GPU at 200 requests per second of 4 ms: 0.8 of it; lo's 0.4 there would be 1.2
        Claim hi = new Claim("hi", 3, GPU_LEVELS, 2, 2, 20, 200, 1, 0, "gpu", List.of(CPU, GPU));
        Claim lo = on("lo", 1, 2, 20, CPU, GPU);
        Arbitration placed = placing.arbitrate(List.of(hi, lo), CORES);
        assertEquals(Map.of("hi", 2, "lo", 2), placed.levels());
        assertEquals(Map.of(), placed.backends());
    }

    @Test
    public void withoutPlacementsOrWithTheLimitZeroItIsThePlainRule() {
        List<Claim> plain = List.of(Tables.claim("hi", 3, THREE, 2, 20, 100), Tables.claim("lo", 1, THREE, 2, 20, 100));
        assertEquals(rule.arbitrate(plain, CORES), placing.arbitrate(plain, CORES));
        List<Claim> claims = List.of(on("hi", 3, 2, 20, CPU), on("lo", 1, 2, 20, CPU, GPU));
        Arbitration off = new PlacingRule(rule, 0, 1).arbitrate(claims, CORES);
        assertEquals(rule.arbitrate(claims, CORES), off);
    }

    @Test
    public void oddClaimsBesidePlacedOnesAreNotedAndNeverThrow() {
        List<Claim> claims = new ArrayList<>(Arrays.asList(null, on("lo", 1, 2, 20, CPU, GPU), on("lo", 1, 0, 20),
            new Claim("empty", 1, List.of(), 0, 0, 20, 1, 1, 0, "cpu", List.of(GPU)),
            new Claim("hi", 3, THREE, 2, 2, 20, 100, 1, 0, "nowhere", List.of(GPU))));
        Arbitration placed = placing.arbitrate(claims, CORES);
        assertEquals(Integer.valueOf(2), placed.levels().get("lo"));
        assertEquals(Integer.valueOf(2), placed.levels().get("hi"));
        assertTrue(placed.reason(), placed.reason().contains("a null claim ignored"));
        assertTrue(placed.reason(), placed.reason().contains("a second claim of lo ignored"));
        assertTrue(placed.reason(), placed.reason().contains("empty has no levels"));
        assertEquals(null, placed.levels().get("empty"));
    }

    @Test
    public void manyDeploymentsAreSearchedOneMoveAtATime() {
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            claims.add(on("d" + i, 1 + i % 3, 2, 20, CPU, GPU));
        }
        // 256 vectors > 16: staying put and 8 single moves; one deployment on the GPU frees the most
        Arbitration placed = placing.arbitrate(claims, new Capacity(2, 0.9));
        assertEquals(1, placed.backends().size());
        assertEquals(8, placed.levels().size());
    }
}
