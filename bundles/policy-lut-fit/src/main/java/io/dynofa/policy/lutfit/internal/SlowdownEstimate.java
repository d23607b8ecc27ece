package io.dynofa.policy.lutfit.internal;

import io.dynofa.monitor.api.Metrics;
import io.dynofa.policy.api.PolicyContext;
import java.util.OptionalDouble;

/**
 * The observed slowdown (measured / profiled latency), smoothed with an exponentially weighted moving
 * average. Taken from {@link Metrics#SLOWDOWN}, or else from the mean latency over the current level's
 * profiled latency.
 */
final class SlowdownEstimate {
    private final double smoothing;
    private volatile double smoothed = Double.NaN;

    /** @param smoothing weight of the newest observation, (0, 1] */
    SlowdownEstimate(double smoothing) {
        if (!(smoothing > 0 && smoothing <= 1)) {
            throw new IllegalArgumentException("smoothing must be in (0, 1], got " + smoothing);
        }
        this.smoothing = smoothing;
    }

    /** Folds this decision's observation in; empty when this decision brings none. */
    OptionalDouble update(PolicyContext c) {
        OptionalDouble observed = observe(c);
        if (observed.isEmpty()) {
            return observed;
        }
        double previous = smoothed;
        double latest = observed.getAsDouble();
        double next = Double.isNaN(previous) ? latest : smoothing * latest + (1 - smoothing) * previous;
        smoothed = next;
        return OptionalDouble.of(next);
    }

    void reset() {
        smoothed = Double.NaN;
    }

    private static OptionalDouble observe(PolicyContext c) {
        OptionalDouble slowdown = c.signals().get(Metrics.SLOWDOWN);
        if (slowdown.isPresent() && isUsable(slowdown.getAsDouble())) {
            return slowdown;
        }
        OptionalDouble mean = c.signals().get(Metrics.LATENCY_MEAN_MS);
        double profiled = c.currentLevel().latencyMs();
        if (mean.isPresent() && isUsable(profiled) && isUsable(mean.getAsDouble() / profiled)) {
            return OptionalDouble.of(mean.getAsDouble() / profiled);
        }
        return OptionalDouble.empty();
    }

    private static boolean isUsable(double v) {
        return v > 0 && Double.isFinite(v);
    }
}
