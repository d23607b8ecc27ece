package io.dynofa.arbiter.priority.internal;

import io.dynofa.config.internal.Range;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa arbiter priority-weighted",
    description = "Grants each deployment a level at most its policy's proposal so that every deadline and the CPU"
        + " fit, maximising the priority-weighted top-1")
public @interface PriorityWeightedArbiterConfig {

    @AttributeDefinition(description = "Most grant vectors (the product of the deployments' options) searched"
        + " exhaustively; a larger arbitration is searched greedily (1 to 2000000)")
    @Range(min = 1, max = 2_000_000)
    int exhaustiveLimit() default 200_000;
}
