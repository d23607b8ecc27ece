package io.dynofa.policy.paperstep.internal;

import io.dynofa.config.internal.Range;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa policy paper-step",
    description = "The Dynamic-OFA paper's rule: the moving mean of the last runs of the serving level over the"
        + " target steps one level down, a level below the accuracy floor one level up; no step-up on headroom")
public @interface PaperStepPolicyConfig {

    @AttributeDefinition(description = "Runs of the serving level in the moving mean; a level steps down only"
        + " once that many ran on it (the paper uses 20; 1 to 10000)")
    @Range(min = 1, max = 10_000)
    int window() default 20;
}
