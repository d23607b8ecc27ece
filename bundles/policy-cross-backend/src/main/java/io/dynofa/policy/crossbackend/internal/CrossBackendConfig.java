package io.dynofa.policy.crossbackend.internal;

import io.dynofa.config.internal.Range;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa policy cross-backend",
    description = "The most accurate (backend, level) pair whose latency on that backend times its slowdown fits")
public @interface CrossBackendConfig {

    @AttributeDefinition(description = "A level fits when latency x slowdown is at most target x margin; (0, 1]")
    @Range(min = 0, aboveMin = true, max = 1)
    double margin() default 0.9;

    @AttributeDefinition(description = "Minimum time since the last switch before moving up or to another backend"
        + " that is not forced, milliseconds (0 to 3600000); moves away from a backend where nothing fits are"
        + " immediate")
    @Range(min = 0, max = Range.HOUR_MS)
    long minDwellMs() default 500;

    @AttributeDefinition(description = "Half-life of a remembered slowdown of a backend that no longer serves,"
        + " milliseconds: after it, half the excess over 1 is forgotten, so a backend left under contention is"
        + " tried again (1 to 3600000)")
    @Range(min = 1, max = Range.HOUR_MS)
    long recoveryHalfLifeMs() default 2000;
}
