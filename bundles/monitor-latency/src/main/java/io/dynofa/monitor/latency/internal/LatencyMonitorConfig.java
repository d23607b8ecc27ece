package io.dynofa.monitor.latency.internal;

import io.dynofa.config.internal.Range;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa latency monitor",
    description = "Moving window over each deployment's model runs: mean, p95, p99 and slowdown against the profile")
public @interface LatencyMonitorConfig {

    @AttributeDefinition(description = "Number of most recent runs in the window (the paper uses 20; 1 to 100000)")
    @Range(min = 1, max = 100_000)
    int windowSize() default 20;

    @AttributeDefinition(description = "Runs older than this many milliseconds are left out of the window"
        + " (1 to 3600000)")
    @Range(min = 1, max = Range.HOUR_MS)
    long maxAgeMs() default 1000;

    @AttributeDefinition(description = "Deployments whose runs are kept apart, at most; a further deployment's"
        + " first run drops the windows of the one that ran longest ago (1 to 4096)")
    @Range(min = 1, max = 4096)
    int maxDeployments() default 64;
}
