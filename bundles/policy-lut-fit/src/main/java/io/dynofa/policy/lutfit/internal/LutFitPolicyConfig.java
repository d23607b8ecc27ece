package io.dynofa.policy.lutfit.internal;

import io.dynofa.config.internal.Range;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa policy lut-fit",
    description = "Most accurate level whose profiled latency times the observed slowdown fits the target")
public @interface LutFitPolicyConfig {

    @AttributeDefinition(description = "EWMA weight of the newest slowdown observation, (0, 1]; 1 = no smoothing")
    @Range(min = 0, aboveMin = true, max = 1)
    double smoothing() default 0.5;

    @AttributeDefinition(description = "A level fits when its estimate is at most target x margin (above 0, at most 10)")
    @Range(min = 0, aboveMin = true, max = 10)
    double margin() default 0.9;

    @AttributeDefinition(description = "Minimum time since the last switch before moving up, milliseconds;"
        + " moves down are immediate (0 to 3600000)")
    @Range(min = 0, max = Range.HOUR_MS)
    long minDwellMs() default 300;
}
