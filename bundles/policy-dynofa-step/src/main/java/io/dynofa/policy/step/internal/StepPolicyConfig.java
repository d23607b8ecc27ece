package io.dynofa.policy.step.internal;

import io.dynofa.config.internal.Range;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa policy dynofa-step",
    description = "The paper's one-level step rule, plus step-up on headroom with hysteresis and a dwell time")
public @interface StepPolicyConfig {

    @AttributeDefinition(description = "Step up only when the mean and the next level's estimate are below"
        + " target x (1 - hysteresis); at least 0, below 1")
    @Range(min = 0, max = 1, belowMax = true)
    double hysteresis() default 0.15;

    @AttributeDefinition(description = "Minimum time between switches, milliseconds (emergency step-downs ignore it;"
        + " 0 to 3600000)")
    @Range(min = 0, max = Range.HOUR_MS)
    long minDwellMs() default 500;

    @AttributeDefinition(description = "A mean above target x this factor steps down at once, ignoring the dwell time"
        + " (1 to 100)")
    @Range(min = 1, max = 100)
    double emergencyFactor() default 1.5;
}
