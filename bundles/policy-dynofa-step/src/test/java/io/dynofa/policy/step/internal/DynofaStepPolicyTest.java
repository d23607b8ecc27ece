package io.dynofa.policy.step.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.config.testing.TestBundle;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.testing.PolicyContexts;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class DynofaStepPolicyTest {
    private final TestBundle bundle = new TestBundle();

    @Test
    public void isNamedDynofaStepAndAppliesItsConfiguration() {
        DynofaStepPolicy policy = policy(config(0.15, 0, 1.5));
        assertEquals("dynofa-step", policy.name());
        assertEquals(2, policy.decide(PolicyContexts.at(3).mean(2.5).sinceSwitchMs(0).build()).level());
    }

    @Test
    public void aBadEditKeepsTheRuleInForceAndAGoodOneAppliesAtOnce() {
        DynofaStepPolicy policy = policy(config(0.15, 0, 1.5));
        PolicyContext overTarget = PolicyContexts.at(3).mean(2.5).sinceSwitchMs(0).build();
        assertEquals("over target: one step down", 2, policy.decide(overTarget).level());
        policy.modified(Map.of("hysteresis", "abc", "minDwellMs", 0L, "emergencyFactor", 1.5));
        assertEquals(List.of("hysteresis 'abc' rejected (not a number); keeping 0.15"), bundle.problems());
        assertEquals(2, policy.decide(overTarget).level());
        policy.modified(Map.of("hysteresis", 0.15, "minDwellMs", 60_000L, "emergencyFactor", 1.5));
        assertEquals(List.of(), bundle.problems());
        assertTrue("within the new dwell time: stays", policy.decide(overTarget).isStay());
        policy.deactivate();
        assertEquals(0, bundle.sources());
    }

    private DynofaStepPolicy policy(Map<String, Object> properties) {
        return new DynofaStepPolicy(bundle.context(), properties);
    }

    private static Map<String, Object> config(double hysteresis, long minDwellMs, double emergencyFactor) {
        return Map.of("hysteresis", hysteresis, "minDwellMs", minDwellMs, "emergencyFactor", emergencyFactor);
    }
}
