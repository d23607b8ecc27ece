package io.dynofa.metrics.internal;

/**
 * How many series the endpoint gives at most: deployments, levels of one deployment, signals of one deployment.
 * The names come from configuration and manifests, so every label's values are bounded.
 */
record Bounds(int deployments, int levels, int signals) {
    static Bounds of(MetricsConfig config) {
        return new Bounds(config.maxDeployments(), config.maxLevels(), config.maxSignals());
    }
}
