package io.dynofa.arbiter.priority.internal;

import static io.dynofa.arbiter.priority.internal.Tables.THREE;
import static io.dynofa.arbiter.priority.internal.Tables.claim;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.arbiter.api.Capacity;
import io.dynofa.arbiter.api.Claim;
import io.dynofa.config.testing.TestBundle;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class PriorityWeightedArbiterTest {
    private static final List<Claim> CONTENDED = List.of(claim("lo", 1, THREE, 2, 20, 100),
        claim("hi", 3, THREE, 2, 20, 100));
    private static final Capacity CORES = new Capacity(1.25, 0.9);

    private final TestBundle bundle = new TestBundle();

    @Test
    public void isNamedPriorityWeightedAndSearchesExhaustivelyByDefault() {
        PriorityWeightedArbiter arbiter = new PriorityWeightedArbiter(bundle.context(),
            Map.of("dynofa.arbiter", "priority-weighted"));
        assertEquals("priority-weighted", arbiter.name());
        assertEquals(Map.of("lo", 1, "hi", 2), arbiter.arbitrate(CONTENDED, CORES).levels());
        assertTrue(!arbiter.arbitrate(CONTENDED, CORES).reason().contains("greedy"));
        assertEquals(List.of(), bundle.problems());
    }

    @Test
    public void theExhaustiveLimitIsConfiguredAndABadEditKeepsTheOneInForce() {
        PriorityWeightedArbiter arbiter = new PriorityWeightedArbiter(bundle.context(), Map.of("exhaustiveLimit", 1));
        assertTrue(arbiter.arbitrate(CONTENDED, CORES).reason().endsWith("; greedy search"));
        arbiter.modified(Map.of("exhaustiveLimit", 0));
        assertEquals(List.of("exhaustiveLimit '0' rejected (must be from 1 to 2000000); keeping 1"), bundle.problems());
        assertTrue(arbiter.arbitrate(CONTENDED, CORES).reason().endsWith("; greedy search"));
        arbiter.modified(Map.of("exhaustiveLimit", 9));
        assertEquals(List.of(), bundle.problems());
        assertEquals(Map.of("lo", 1, "hi", 2), arbiter.arbitrate(CONTENDED, CORES).levels());
        assertTrue(!arbiter.arbitrate(CONTENDED, CORES).reason().contains("greedy"));
        arbiter.deactivate();
        assertEquals(0, bundle.sources());
    }
}
