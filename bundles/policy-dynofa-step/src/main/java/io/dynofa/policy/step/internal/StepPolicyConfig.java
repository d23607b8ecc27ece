package io.dynofa.policy.step.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa policy dynofa-step",
    description = "The paper's one-level step rule, plus step-up on headroom with hysteresis and a dwell time")
public @interface StepPolicyConfig {

    @AttributeDefinition(description = "Step up only when the mean and the next level's estimate are below"
        + " target x (1 - hysteresis); 0..1")
    double hysteresis() default 0.15;

    @AttributeDefinition(description = "Minimum time between switches, milliseconds (emergency step-downs ignore it)")
    long minDwellMs() default 500;

    @AttributeDefinition(description = "A mean above target x this factor steps down at once, ignoring the dwell time")
    double emergencyFactor() default 1.5;
}
