package io.dynofa.policy.lutfit.internal;

import static io.dynofa.policy.testing.PolicyContexts.withSlowdown;
import static org.junit.Assert.assertEquals;

import io.dynofa.config.testing.TestBundle;
import java.util.Map;
import org.junit.Test;

public class LutFitPolicyTest {
    private final TestBundle bundle = new TestBundle();

    @Test
    public void isNamedLutFitAndAppliesItsConfiguration() {
        LutFitPolicy policy = policy(config(1.0, 1.05, 300));
        assertEquals("lut-fit", policy.name());
        assertEquals(3, policy.decide(withSlowdown(0, 1.0)).level());
    }

    @Test
    public void resetReachesTheSmoothedSlowdown() {
        LutFitPolicy policy = policy(config(0.5, 0.9, 0));
        policy.decide(withSlowdown(0, 0.5));
        policy.reset();
        assertEquals(1, policy.decide(withSlowdown(0, 1.0)).level());
    }

    private LutFitPolicy policy(Map<String, Object> properties) {
        return new LutFitPolicy(bundle.context(), properties);
    }

    private static Map<String, Object> config(double smoothing, double margin, long minDwellMs) {
        return Map.of("smoothing", smoothing, "margin", margin, "minDwellMs", minDwellMs);
    }
}
