package io.dynofa.metrics.internal;

import io.dynofa.config.internal.Range;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa Prometheus endpoint",
    description = "Prometheus text format at /metrics (osgi.http.whiteboard.servlet.pattern moves it): requests,"
        + " latency, level, target, frames, switches, rejections and signals per deployment")
public @interface MetricsConfig {

    @AttributeDefinition(description = "Deployments given series, at most; further ones are left out and counted"
        + " in dynofa_metrics_dropped (1 to 1024)")
    @Range(min = 1, max = 1024)
    int maxDeployments() default 64;

    @AttributeDefinition(description = "Levels of one deployment given series, at most; further ones are left out"
        + " and counted in dynofa_metrics_dropped (1 to 1024)")
    @Range(min = 1, max = 1024)
    int maxLevels() default 64;

    @AttributeDefinition(description = "Monitor signals of one deployment exported as dynofa_signal, at most (by"
        + " name); further ones are left out and counted in dynofa_metrics_dropped (1 to 4096)")
    @Range(min = 1, max = 4096)
    int maxSignals() default 256;
}
