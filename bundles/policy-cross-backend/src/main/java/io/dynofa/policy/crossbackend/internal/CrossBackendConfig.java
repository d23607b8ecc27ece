package io.dynofa.policy.crossbackend.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa policy cross-backend",
    description = "The most accurate (backend, level) pair whose latency on that backend times its slowdown fits")
public @interface CrossBackendConfig {

    @AttributeDefinition(description = "A level fits when latency x slowdown is at most target x margin")
    double margin() default 0.9;

    @AttributeDefinition(description = "Minimum time since the last switch before moving up or to another backend"
        + " that is not forced, milliseconds; moves away from a backend where nothing fits are immediate")
    long minDwellMs() default 500;

    @AttributeDefinition(description = "Half-life of a remembered slowdown of a backend that no longer serves,"
        + " milliseconds: after it, half the excess over 1 is forgotten, so a backend left under contention is"
        + " tried again")
    long recoveryHalfLifeMs() default 2000;
}
