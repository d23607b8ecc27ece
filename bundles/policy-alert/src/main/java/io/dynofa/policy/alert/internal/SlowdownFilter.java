package io.dynofa.policy.alert.internal;

/**
 * A scalar Kalman filter of the global slowdown factor ξ, modelled as a random walk: each observation
 * first predicts (ξ unchanged, variance + Q), then updates with the observation's noise R.
 */
final class SlowdownFilter {
    static final SlowdownEstimate INITIAL = new SlowdownEstimate(1.0, 1.0);

    private final double processNoise;
    private final double measurementNoise;
    private volatile SlowdownEstimate estimate = INITIAL;

    /**
     * @param processNoise Q, how much ξ may drift between decisions (variance, >= 0)
     * @param measurementNoise R, the variance of one observation (> 0)
     */
    SlowdownFilter(double processNoise, double measurementNoise) {
        if (!(processNoise >= 0 && Double.isFinite(processNoise))) {
            throw new IllegalArgumentException("processNoise must be a non-negative number, got " + processNoise);
        }
        if (!(measurementNoise > 0 && Double.isFinite(measurementNoise))) {
            throw new IllegalArgumentException("measurementNoise must be a positive number, got " + measurementNoise);
        }
        this.processNoise = processNoise;
        this.measurementNoise = measurementNoise;
    }

    /** Predicts, then folds in one observed slowdown; returns the new estimate. */
    SlowdownEstimate update(double observedSlowdown) {
        SlowdownEstimate prior = estimate;
        double predictedVariance = prior.variance() + processNoise;
        double gain = predictedVariance / (predictedVariance + measurementNoise);
        SlowdownEstimate posterior = new SlowdownEstimate(prior.mean() + gain * (observedSlowdown - prior.mean()),
            (1 - gain) * predictedVariance);
        estimate = posterior;
        return posterior;
    }

    SlowdownEstimate current() {
        return estimate;
    }

    /** Back to ξ = 1 (as profiled) with variance 1. */
    void reset() {
        estimate = INITIAL;
    }
}
