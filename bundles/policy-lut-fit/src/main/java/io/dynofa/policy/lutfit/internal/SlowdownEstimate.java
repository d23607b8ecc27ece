package io.dynofa.policy.lutfit.internal;

import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.api.Slowdown;
import java.util.OptionalDouble;

/** The {@linkplain Slowdown#observed observed slowdown}, smoothed with an exponentially weighted moving average. */
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
        OptionalDouble observed = Slowdown.observed(c);
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
}
