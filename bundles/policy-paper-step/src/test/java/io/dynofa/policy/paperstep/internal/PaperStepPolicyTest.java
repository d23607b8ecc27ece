package io.dynofa.policy.paperstep.internal;

import static io.dynofa.policy.testing.DecisionAssert.assertMove;
import static io.dynofa.policy.testing.DecisionAssert.assertStay;
import static io.dynofa.policy.testing.PolicyContexts.at;
import static org.junit.Assert.assertEquals;

import io.dynofa.config.testing.TestBundle;
import io.dynofa.policy.api.PolicyContext;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class PaperStepPolicyTest {
    private static final long MS = 1_000_000L;
    private static final PolicyContext AT_L = at(3).build();

    private final TestBundle bundle = new TestBundle();

    @Test
    public void isNamedPaperStepAndHasAWindowOfTwentyByDefault() {
        PaperStepPolicy policy = policy(Map.of());
        assertEquals("paper-step", policy.name());
        policy.decide(AT_L);
        runs(policy, 19);
        assertStay(policy.decide(AT_L), "window 19/20");
        runs(policy, 1);
        assertMove(2, policy.decide(AT_L), "mean 5.00 ms of window 20/20, target 2.00 ms: over target");
    }

    @Test
    public void theListenerFeedsTheConfiguredWindow() {
        PaperStepPolicy policy = policy(Map.of("window", 3));
        policy.decide(AT_L);
        policy.inferred("l", 5 * MS, 0);
        policy.inferred("cpu", "l", 5 * MS, 0);
        policy.inferred("cpu", "m", 50 * MS, 0);
        assertStay(policy.decide(AT_L), "mean 5.00 ms of window 2/3");
        policy.inferred("cpu", "l", 5 * MS, 0);
        assertMove(2, policy.decide(AT_L), "window 3/3");
    }

    @Test
    public void resetClearsTheWindow() {
        PaperStepPolicy policy = policy(Map.of("window", 3));
        policy.decide(AT_L);
        runs(policy, 3);
        policy.reset();
        assertStay(policy.decide(AT_L), "window 0/3");
    }

    @Test
    public void aBadEditKeepsTheWindowInForceAndAGoodOneStartsAnEmptyOne() {
        PaperStepPolicy policy = policy(Map.of("window", 3));
        policy.decide(AT_L);
        runs(policy, 2);
        policy.modified(Map.of("window", "abc"));
        assertEquals(List.of("window 'abc' rejected (not a whole number); keeping 3"), bundle.problems());
        assertStay(policy.decide(AT_L), "window 2/3");
        policy.modified(Map.of("window", 0));
        assertEquals(List.of("window '0' rejected (must be from 1 to 10000); keeping 3"),
            bundle.problems());
        policy.modified(Map.of("window", 2));
        assertEquals(List.of(), bundle.problems());
        assertStay(policy.decide(AT_L), "window 0/2");
        runs(policy, 2);
        assertMove(2, policy.decide(AT_L), "window 2/2");
        policy.deactivate();
        assertEquals(0, bundle.sources());
    }

    private PaperStepPolicy policy(Map<String, Object> properties) {
        return new PaperStepPolicy(bundle.context(), properties);
    }

    private static void runs(PaperStepPolicy policy, int count) {
        for (int i = 0; i < count; i++) {
            policy.inferred("cpu", "l", 5 * MS, 2 * MS);
        }
    }
}
