package io.dynofa.health.internal;

import io.dynofa.config.internal.Range;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa health: target met",
    description = "WARN when a deployment's share of frames within deadline (or, without frames, of runs within"
        + " the latency target) over the last minute drops under minSharePercent")
public @interface TargetMetConfig {

    @AttributeDefinition(description = "Share within target below which the check warns, percent (0 to 100)")
    @Range(min = 0, max = 100)
    double minSharePercent() default 95;
}
