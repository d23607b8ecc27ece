package io.dynofa.policy.step.internal;

import static org.junit.Assert.assertEquals;

import io.dynofa.policy.testing.PolicyContexts;
import java.lang.annotation.Annotation;
import org.junit.Test;

public class DynofaStepPolicyTest {

    @Test
    public void isNamedDynofaStepAndAppliesItsConfiguration() {
        DynofaStepPolicy policy = new DynofaStepPolicy(config(0.15, 0, 1.5));
        assertEquals("dynofa-step", policy.name());
        assertEquals(2, policy.decide(PolicyContexts.at(3).mean(2.5).sinceSwitchMs(0).build()).level());
    }

    private static StepPolicyConfig config(double hysteresis, long minDwellMs, double emergencyFactor) {
        return new StepPolicyConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return StepPolicyConfig.class;
            }

            @Override
            public double hysteresis() {
                return hysteresis;
            }

            @Override
            public long minDwellMs() {
                return minDwellMs;
            }

            @Override
            public double emergencyFactor() {
                return emergencyFactor;
            }
        };
    }
}
