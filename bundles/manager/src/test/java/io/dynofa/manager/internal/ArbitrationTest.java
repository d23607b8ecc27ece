package io.dynofa.manager.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.arbiter.api.Arbiter;
import io.dynofa.arbiter.api.Capacity;
import io.dynofa.arbiter.api.Claim;
import io.dynofa.arbiter.api.Placement;
import io.dynofa.config.internal.ConfigRead;
import io.dynofa.config.internal.ConfigReader;
import io.dynofa.policy.api.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.junit.Test;

public class ArbitrationTest {
    /** The arbitrations' clock, nanoseconds: it moves only when a test moves it. */
    private static final AtomicLong NOW = new AtomicLong();
    private static final List<Level> LEVELS = List.of(new Level(0, "l0", 88, 1), new Level(1, "l1", 90, 2),
        new Level(2, "l2", 92, 4));
    private static final String FAKE = "fake";
    private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();

    @Test
    public void theOnlyDeploymentDecidingIsGrantedItsProposalWithoutAskingTheArbiter() {
        FakeArbiter arbiter = FakeArbiter.granting(Map.of("a", 0), "a down");
        Arbitration arbitration = arbitration(arbiter, Map.of());

        Arbitration.Grant grant = grant(arbitration, "a", 2);

        assertEquals(new Arbitration.Grant(2, "granted: the only deployment deciding"), grant);
        assertEquals(0, arbiter.calls.size());
    }

    @Test
    public void withTwoClaimsTheArbiterDecidesAndADeploymentItStepsDownTakesItsGrant() {
        FakeArbiter arbiter = FakeArbiter.granting(Map.of("a", 2, "b", 0), "b down");
        Arbitration arbitration = arbitration(arbiter, Map.of("cores", 1.5, "margin", 0.8));

        grant(arbitration, "a", 2);
        Arbitration.Grant b = grant(arbitration, "b", 2);
        Arbitration.Grant a = grant(arbitration, "a", 2);

        assertEquals(new Arbitration.Grant(0, "stepped down by fake from 2 to 0: b down"), b);
        assertEquals(new Arbitration.Grant(2, "granted by fake: b down"), a);
        assertEquals("every deployment's latest claim, once", List.of("a", "b"), arbiter.deploymentsOfCall(0));
        assertEquals(new Capacity(1.5, 0.8, PROCESSORS, Double.NaN), arbiter.capacities.get(0));
    }

    @Test
    public void theArbiterSeesTheProcessorsAndWhatOtherProcessesTakeOfThem() {
        Capacity capacity = arbitrated(Map.of(), 0.5).capacities.get(0);
        assertEquals(PROCESSORS, capacity.processors(), 0);
        assertEquals("half the processors less the two claims' 10/s x 4 ms", PROCESSORS / 2.0 - 0.08,
            capacity.otherLoad(), 1e-9);
        assertEquals("unknown without a load", Double.NaN, arbitrated(Map.of(), Double.NaN).capacities.get(0)
            .otherLoad(), 0);
    }

    @Test
    public void aClaimOlderThanTheMaximumAgeNoLongerCounts() {
        FakeArbiter arbiter = FakeArbiter.bothDown();
        Arbitration arbitration = arbitration(arbiter, Map.of("claimMaxAgeMs", 100L));

        grant(arbitration, "a", 2);
        NOW.addAndGet(TimeUnit.MILLISECONDS.toNanos(101)); // a stops deciding: its claim grows older than 100 ms
        Arbitration.Grant b = grant(arbitration, "b", 2);

        assertEquals(new Arbitration.Grant(2, "granted: the only deployment deciding"), b);
        assertEquals(0, arbiter.calls.size());
    }

    @Test
    public void aWithdrawnDeploymentNoLongerCounts() {
        FakeArbiter arbiter = FakeArbiter.bothDown();
        Arbitration arbitration = arbitration(arbiter, Map.of());
        grant(arbitration, "a", 2);
        grant(arbitration, "b", 2);
        assertEquals(1, arbiter.calls.size());

        arbitration.withdraw("a");
        arbitration.withdraw("unknown");

        assertEquals(new Arbitration.Grant(2, "granted: the only deployment deciding"), grant(arbitration, "b", 2));
        assertEquals(1, arbiter.calls.size());
    }

    @Test
    public void anArbiterNotInstalledLeavesTheProposalAndSaysWhichAreInstalled() {
        FakeArbiter arbiter = FakeArbiter.bothDown();
        Arbitration arbitration = arbitration(arbiter, Map.of("arbiter", "other"));
        grant(arbitration, "a", 2);

        Arbitration.Grant grant = grant(arbitration, "b", 1);

        assertEquals(new Arbitration.Grant(1, "arbiter 'other' not installed (installed: [fake]): the proposal stands"),
            grant);
        assertEquals(0, arbiter.calls.size());
    }

    @Test
    public void anUnboundArbiterIsNoLongerAsked() {
        FakeArbiter arbiter = FakeArbiter.bothDown();
        Arbitration arbitration = arbitration(arbiter, Map.of());
        arbitration.unbindArbiter(arbiter, Map.of(Arbiter.NAME_PROPERTY, FAKE));
        grant(arbitration, "a", 2);

        Arbitration.Grant grant = grant(arbitration, "b", 2);

        assertEquals(2, grant.level());
        assertTrue(grant.reason(), grant.reason().startsWith("arbiter 'fake' not installed (installed: [])"));
    }

    @Test
    public void anArbiterWithoutTheNamePropertyGoesByItsOwnName() {
        Arbitration arbitration = new Arbitration(config(Map.of("arbiter", FAKE)), NOW::get);
        arbitration.bindArbiter(FakeArbiter.granting(Map.of("a", 2, "b", 1), "b down"), Map.of());
        grant(arbitration, "a", 2);

        assertEquals(new Arbitration.Grant(1, "stepped down by fake from 2 to 1: b down"), grant(arbitration, "b", 2));
    }

    @Test
    public void aFailingArbiterLeavesTheProposalAndSaysWhy() {
        Arbitration arbitration = arbitration(new FakeArbiter((claims, capacity) -> {
            throw new IllegalStateException("broken on purpose");
        }), Map.of());
        grant(arbitration, "a", 2);

        Arbitration.Grant grant = grant(arbitration, "b", 2);

        assertEquals(2, grant.level());
        assertTrue(grant.reason(), grant.reason().startsWith("arbiter 'fake' failed ("));
        assertTrue(grant.reason(), grant.reason().contains("broken on purpose"));
        assertTrue(grant.reason(), grant.reason().endsWith("the proposal stands"));
    }

    @Test
    public void noArbiterNamedMeansNoArbitration() {
        for (String name : List.of("", "  ")) {
            FakeArbiter arbiter = FakeArbiter.bothDown();
            Arbitration arbitration = arbitration(arbiter, Map.of("arbiter", name));
            bind(arbitration, arbiter, "");
            grant(arbitration, "a", 2);

            assertEquals("arbiter '" + name + "'", new Arbitration.Grant(2, null), grant(arbitration, "b", 2));
            assertEquals(0, arbiter.calls.size());
        }
    }

    @Test
    public void aGrantAboveTheProposalOrOutsideTheLevelsIsNeverTaken() {
        Arbitration arbitration = arbitration(FakeArbiter.granting(Map.of("a", 2, "b", 2, "c", -1), "generous"),
            Map.of());
        grant(arbitration, "a", 2);

        assertEquals(new Arbitration.Grant(1, "granted by fake: generous"), grant(arbitration, "b", 1));
        assertEquals("a negative grant", new Arbitration.Grant(1, "granted by fake: generous"),
            grant(arbitration, "c", 1));
        assertEquals("not in the arbiter's answer", new Arbitration.Grant(2, "granted by fake: generous"),
            grant(arbitration, "d", 2));
    }

    @Test
    public void configuredCoresAreTheCapacityWhateverTheLoad() {
        FakeArbiter arbiter = arbitrated(Map.of("cores", 3.0), 0.99);
        assertEquals(3.0, arbiter.capacities.get(0).cores(), 0);
    }

    @Test
    public void withoutConfiguredCoresAnUnknownLoadLeavesEveryProcessor() {
        FakeArbiter arbiter = arbitrated(Map.of("cores", 0.0), Double.NaN);
        assertEquals(Runtime.getRuntime().availableProcessors(), arbiter.capacities.get(0).cores(), 0);
    }

    @Test
    public void withoutConfiguredCoresWhatOtherProcessesUseIsTakenOffAtMostDownToHalfTheProcessors() {
        int processors = Runtime.getRuntime().availableProcessors();
        assertEquals("a saturated machine still leaves the deployments their fair share", processors / 2.0,
            arbitrated(Map.of("cores", 0.0), 1.0).capacities.get(0).cores(), 1e-9);
        // a and b each run 10 requests/s of 4 ms at level 2: 0.08 cores of the load are their own
        double load = 0.5;
        double others = load * processors - 0.08;
        assertEquals(Math.max(processors / 2.0, processors - others),
            arbitrated(Map.of("cores", 0.0), load).capacities.get(0).cores(), 1e-9);
    }

    @Test
    public void aDeploymentPlacedOnAnotherBackendItIsResidentOnTakesThatBackendsLevel() {
        List<Level> fast = List.of(new Level(0, "l0", 88, 0.5), new Level(1, "l1", 90, 1));
        FakeArbiter arbiter = new FakeArbiter((claims, capacity) -> new io.dynofa.arbiter.api.Arbitration(
            Map.of("a", 2, "b", 1), "b elsewhere", Map.of("b", "gpu")));
        Arbitration arbitration = arbitration(arbiter, Map.of());
        grant(arbitration, "a", 2);
        Claim b = new Claim("b", 1, LEVELS, 2, 2, 100, 10, 1, 0, "cpu", List.of(
            new Placement("cpu", "cpu", 1, LEVELS, Double.NaN), new Placement("gpu", "cuda:0", 1, fast, Double.NaN)));

        assertEquals(new Arbitration.Grant(1, "placed by fake on gpu at l1: b elsewhere", "gpu"),
            arbitration.arbitrate(b, Double.NaN));
    }

    @Test
    public void aPlacementOnABackendNotListedOrALevelItLacksIsNotTaken() {
        FakeArbiter arbiter = new FakeArbiter((claims, capacity) -> new io.dynofa.arbiter.api.Arbitration(
            Map.of("a", 2, "b", 5), "b elsewhere", Map.of("a", "nowhere", "b", "gpu")));
        Arbitration arbitration = arbitration(arbiter, Map.of());
        grant(arbitration, "a", 2);
        Claim b = new Claim("b", 1, LEVELS, 2, 2, 100, 10, 1, 0, "cpu", List.of(
            new Placement("gpu", "cuda:0", 1, LEVELS, Double.NaN)));

        assertEquals("level 5 is not one of gpu's", new Arbitration.Grant(2, "granted by fake: b elsewhere"),
            arbitration.arbitrate(b, Double.NaN));
        assertEquals("a is resident nowhere else", new Arbitration.Grant(2, "granted by fake: b elsewhere"),
            grant(arbitration, "a", 2));
    }

    @Test
    public void theOwnLoadCountsEveryThreadOfTheServingBackendAndNoneOfAnotherDevice() {
        FakeArbiter arbiter = FakeArbiter.granting(Map.of("a", 2, "b", 2), "fit");
        Arbitration arbitration = arbitration(arbiter, Map.of());
        // 10 requests/s of 4 ms: 0.04 cores a thread; a on 2 threads, b on a GPU
        arbitration.arbitrate(new Claim("a", 1, LEVELS, 2, 2, 100, 10, 1, 0, "cpu2",
            List.of(new Placement("cpu2", "cpu", 2, LEVELS, Double.NaN))), 0.5);
        arbitration.arbitrate(new Claim("b", 1, LEVELS, 2, 2, 100, 10, 1, 0, "gpu",
            List.of(new Placement("gpu", "cuda:0", 1, LEVELS, Double.NaN))), 0.5);
        assertEquals(PROCESSORS / 2.0 - 0.08, arbiter.capacities.get(0).otherLoad(), 1e-9);
    }

    /** An arbitration under {@code settings} (arbiter {@value #FAKE} unless they say), {@code arbiter} bound. */
    private static Arbitration arbitration(FakeArbiter arbiter, Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(Map.of("arbiter", FAKE));
        properties.putAll(settings);
        Arbitration arbitration = new Arbitration(config(properties), NOW::get);
        bind(arbitration, arbiter, FAKE);
        return arbitration;
    }

    /** The grant of {@code deployment}'s claim proposing {@code proposed}, the machine's load unknown. */
    private static Arbitration.Grant grant(Arbitration arbitration, String deployment, int proposed) {
        return arbitration.arbitrate(claim(deployment, proposed), Double.NaN);
    }

    /** The arbiter's view of claims a and b (proposing level 2) under {@code settings} and the machine's load. */
    private static FakeArbiter arbitrated(Map<String, Object> settings, double cpuLoad) {
        FakeArbiter arbiter = FakeArbiter.granting(Map.of("a", 2, "b", 2), "fit");
        Arbitration arbitration = arbitration(arbiter, settings);
        arbitration.arbitrate(claim("a", 2), cpuLoad);
        arbitration.arbitrate(claim("b", 2), cpuLoad);
        assertEquals(1, arbiter.calls.size());
        return arbiter;
    }

    /** A claim of {@code deployment} serving level 2 at 10 requests/s, its policy proposing {@code proposed}. */
    private static Claim claim(String deployment, int proposed) {
        return new Claim(deployment, 1, LEVELS, 2, proposed, 100, 10, 1, 0);
    }

    private static ArbitrationConfig config(Map<String, Object> properties) {
        ConfigRead<ArbitrationConfig> read = ConfigReader.of(ArbitrationConfig.class).read(properties, null);
        assertEquals("problems of the test configuration", List.of(), read.problems());
        return read.config();
    }

    private static void bind(Arbitration arbitration, Arbiter arbiter, String name) {
        arbitration.bindArbiter(arbiter, Map.of(Arbiter.NAME_PROPERTY, name));
    }

    /** An arbiter answering as {@code answer} says; records what it was asked. */
    private static final class FakeArbiter implements Arbiter {
        final List<List<Claim>> calls = new ArrayList<>();
        final List<Capacity> capacities = new ArrayList<>();
        private final BiFunction<List<Claim>, Capacity, io.dynofa.arbiter.api.Arbitration> answer;

        FakeArbiter(BiFunction<List<Claim>, Capacity, io.dynofa.arbiter.api.Arbitration> answer) {
            this.answer = answer;
        }

        static FakeArbiter bothDown() {
            return granting(Map.of("a", 0, "b", 0), "both down");
        }

        static FakeArbiter granting(Map<String, Integer> levels, String reason) {
            return new FakeArbiter((claims, capacity) -> new io.dynofa.arbiter.api.Arbitration(levels, reason));
        }

        @Override
        public String name() {
            return FAKE;
        }

        @Override
        public io.dynofa.arbiter.api.Arbitration arbitrate(List<Claim> claims, Capacity capacity) {
            calls.add(List.copyOf(claims));
            capacities.add(capacity);
            return answer.apply(claims, capacity);
        }

        List<String> deploymentsOfCall(int call) {
            return calls.get(call).stream().map(Claim::deployment).toList();
        }
    }
}
