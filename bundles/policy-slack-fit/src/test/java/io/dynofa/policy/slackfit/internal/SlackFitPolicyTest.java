package io.dynofa.policy.slackfit.internal;

import static io.dynofa.policy.testing.DecisionAssert.assertMove;
import static io.dynofa.policy.testing.DecisionAssert.assertStay;
import static io.dynofa.policy.testing.PolicyContexts.context;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.config.testing.TestBundle;
import io.dynofa.monitor.api.Metrics;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.testing.PolicyContexts;
import java.util.Map;
import org.junit.Test;

public class SlackFitPolicyTest {
    private static final PolicyContext TAIL_1_09_AT_LEVEL_1 =
        context(1, Map.of(Metrics.LATENCY_P95_MS, 1.75), 0, PolicyContexts.LONG_AGO_MS);

    private final TestBundle bundle = new TestBundle();

    @Test
    public void isNamedSlackFitAndAppliesItsConfiguration() {
        SlackFitPolicy policy = policy(Map.of("margin", 0.9));
        assertEquals("slack-fit", policy.name());
        assertStay(policy.decide(TAIL_1_09_AT_LEVEL_1), "budget 1.80 ms");
    }

    @Test
    public void theDefaultMarginIsNinetyPercentOfTheDeadline() {
        assertStay(policy(Map.of()).decide(TAIL_1_09_AT_LEVEL_1), "budget 1.80 ms");
        assertMove(0, policy(Map.of("margin", 0.85)).decide(TAIL_1_09_AT_LEVEL_1), "budget 1.70 ms");
    }

    @Test
    public void aRejectedValueKeepsTheOneInForceAndIsAProblem() {
        SlackFitPolicy policy = policy(Map.of("margin", 1.5));
        assertStay(policy.decide(TAIL_1_09_AT_LEVEL_1), "budget 1.80 ms");
        assertTrue(bundle.problems().toString(), bundle.problems().stream().anyMatch(p -> p.contains("margin")));
    }

    @Test
    public void aModificationAppliesTheNewSettings() {
        SlackFitPolicy policy = policy(Map.of());
        policy.modified(Map.of("margin", 0.85, "settleMs", 0L));
        assertMove(0, policy.decide(TAIL_1_09_AT_LEVEL_1), "budget 1.70 ms");
        policy.reset();
        assertMove(0, policy.decide(TAIL_1_09_AT_LEVEL_1), "budget 1.70 ms");
    }

    private SlackFitPolicy policy(Map<String, Object> properties) {
        return new SlackFitPolicy(bundle.context(), properties);
    }
}
