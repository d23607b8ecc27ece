package io.dynofa.manager.internal;

import io.dynofa.config.internal.Range;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How the gateway arbitrates its deployments' proposals (PID {@value Arbitration#PID}). */
@ObjectClassDefinition(name = "Dynofa arbitration",
    description = "Which arbiter decides, when the deployments' proposed levels together do not fit, who steps down")
public @interface ArbitrationConfig {

    @AttributeDefinition(description = "The arbiter's name (its dynofa.arbiter property); empty = no arbitration:"
        + " every deployment takes its policy's proposal")
    String arbiter() default "priority-weighted";

    @AttributeDefinition(description = "Share of a deadline a level's expected latency may use (above 0, at most 1)."
        + " The expected latency is a mean; the rest is room for the tail: on the two-apps trace 0.55 kept the"
        + " high-priority deployment at 99.3 % of frames within deadline in two runs, 0.9 at 97.5-97.8 %")
    @Range(min = 0, aboveMin = true, max = 1)
    double margin() default 0.55;

    @AttributeDefinition(description = "Processors the deployments may use together; 0 = every processor of the"
        + " machine, less what other processes use (cpu.load); 0 to 4096")
    @Range(min = 0, max = 4096)
    double cores() default 0;

    @AttributeDefinition(description = "A deployment's proposal older than this no longer counts (it stopped"
        + " deciding), milliseconds (100 to 60000)")
    @Range(min = 100, max = 60_000)
    long claimMaxAgeMs() default 2000;
}
