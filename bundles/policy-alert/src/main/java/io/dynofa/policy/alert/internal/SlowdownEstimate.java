package io.dynofa.policy.alert.internal;

/**
 * The filter's belief about the global slowdown factor ξ: Gaussian with this mean and variance.
 *
 * @param mean ξ, observed / profiled latency (1 = as profiled)
 * @param variance the uncertainty P of {@code mean}
 */
record SlowdownEstimate(double mean, double variance) {

    double standardDeviation() {
        return Math.sqrt(variance);
    }

    /** ξ + k·σ: the slowdown not exceeded with the confidence that {@code k} standard deviations give. */
    double upperBound(double k) {
        return mean + k * standardDeviation();
    }
}
