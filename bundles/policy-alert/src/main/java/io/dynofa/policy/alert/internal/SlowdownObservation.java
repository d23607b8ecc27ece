package io.dynofa.policy.alert.internal;

import io.dynofa.monitor.api.Metrics;
import io.dynofa.policy.api.PolicyContext;
import java.util.OptionalDouble;

/**
 * This decision's observed slowdown: {@link Metrics#SLOWDOWN}, or else the mean latency over the
 * current level's profiled latency; empty when neither is a positive finite number.
 */
final class SlowdownObservation {

    private SlowdownObservation() {
    }

    static OptionalDouble of(PolicyContext c) {
        OptionalDouble slowdown = c.signals().get(Metrics.SLOWDOWN);
        if (slowdown.isPresent() && isUsable(slowdown.getAsDouble())) {
            return slowdown;
        }
        OptionalDouble mean = c.signals().get(Metrics.LATENCY_MEAN_MS);
        if (mean.isPresent() && isUsable(mean.getAsDouble() / c.currentLevel().latencyMs())) {
            return OptionalDouble.of(mean.getAsDouble() / c.currentLevel().latencyMs());
        }
        return OptionalDouble.empty();
    }

    private static boolean isUsable(double v) {
        return v > 0 && Double.isFinite(v);
    }
}
