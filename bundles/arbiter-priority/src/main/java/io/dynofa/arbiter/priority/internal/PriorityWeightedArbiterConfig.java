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

    @AttributeDefinition(description = "How much more one deployment's level slows another than time-sharing the"
        + " processors alone predicts: a change of the sharing by x slows the others by 1 + gain x (x - 1); the"
        + " caches and memory bandwidth two networks share add to it (measured here: 1.8x where sharing predicts"
        + " 1.23x, a gain of about 3.5); 0 = deployments never slow each other, 1 = sharing alone (0 to 20)")
    @Range(min = 0, max = 20)
    double interferenceGain() default PriorityWeightedRule.DEFAULT_INTERFERENCE_GAIN;

    @AttributeDefinition(description = "Step a deployment down when the room that makes lets another one climb to"
        + " more priority-weighted accuracy than it costs (predicted with the interference gain); off: only steps"
        + " down that keep a deadline or the CPU. Off by default: one run of the two-apps trace measured no gain")
    boolean makeRoom() default false;

    @AttributeDefinition(description = "The share of a deployment's deadline budget that a level above the one it"
        + " serves must leave free to be granted: a climb needs room for the tail that the expected (mean) latency"
        + " does not show; steps down and staying are judged on the whole budget (0 = off, to 0.9)")
    @Range(min = 0, max = 0.9)
    double climbHeadroom() default 0;

    @AttributeDefinition(description = "Most placement vectors (one backend per deployment, among the backends its"
        + " family is resident on) searched exhaustively; beyond, staying put and the moves of one deployment at a"
        + " time. 0 = every deployment stays on the backend it serves from (0 to 4096)")
    @Range(min = 0, max = 4096)
    int placementLimit() default 16;

    @AttributeDefinition(description = "The priority-weighted top-1 points a placement that moves a deployment to"
        + " another backend must gain over staying put (a move when staying put misses a deadline needs none)"
        + " (0 to 100)")
    @Range(min = 0, max = 100)
    double placementGain() default 1;
}
