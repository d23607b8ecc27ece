package io.dynofa.policy.alert.internal;

import static io.dynofa.policy.testing.PolicyContexts.at;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.config.testing.TestBundle;
import io.dynofa.policy.api.Decision;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class AlertPolicyTest {
    private final TestBundle bundle = new TestBundle();

    @Test
    public void isNamedAlertAndAppliesItsConfiguration() {
        AlertPolicy confident = policy(config(1.0, 1e-6, 0.0, 1.0, 0));
        assertEquals("alert", confident.name());
        assertEquals("k = 0, no margin: 1.9 ms fits 2 ms", 2, confident.decide(at(0).slowdown(1.0).build()).level());
        AlertPolicy cautious = policy(config(1.0, 1e-6, 0.0, 0.9, 0));
        assertEquals("margin 0.9: 1.9 ms misses 1.8 ms", 1, cautious.decide(at(0).slowdown(1.0).build()).level());
    }

    @Test
    public void resetReachesTheFilter() {
        AlertPolicy policy = policy(config(0.01, 0.1, 1.0, 0.9, 300));
        for (int i = 0; i < 50; i++) {
            policy.decide(at(0).slowdown(3.0).build());
        }
        policy.reset();
        Decision d = policy.decide(at(0).slowdown(1.0).build());
        assertTrue(d.reason(), d.reason().startsWith("ξ=1.00±0.30: "));
    }

    @Test
    public void zeroMeasurementNoiseKeepsTheDefaultAndIsNamed() {
        policy(config(0.01, 0, 1.0, 0.9, 300));
        assertEquals(List.of("measurementNoise '0.0' rejected (must be above 0, at most 1000); keeping 0.1"),
            bundle.problems());
    }

    private AlertPolicy policy(Map<String, Object> properties) {
        return new AlertPolicy(bundle.context(), properties);
    }

    private static Map<String, Object> config(double q, double r, double k, double upMargin, long minDwellMs) {
        return Map.of("processNoise", q, "measurementNoise", r, "k", k, "upMargin", upMargin, "minDwellMs", minDwellMs);
    }
}
