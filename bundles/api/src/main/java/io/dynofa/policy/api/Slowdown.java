package io.dynofa.policy.api;

import io.dynofa.monitor.api.Metrics;
import java.util.OptionalDouble;

/**
 * The slowdown a decision observes: measured over profiled latency (1 = as profiled, 2 = twice as slow), read
 * from the monitors' {@link PolicyContext#signals()}. Only a usable value is returned: a positive finite number;
 * a missing, zero, negative, infinite or NaN reading counts as no observation. Stateless: smoothing or filtering
 * the observations over decisions is the policy's own logic.
 *
 * @since 1.2
 */
public final class Slowdown {

    private Slowdown() {
    }

    /** Whether {@code factor} is a positive finite number. */
    public static boolean isUsable(double factor) {
        return factor > 0 && Double.isFinite(factor);
    }

    /**
     * This decision's slowdown: {@link Metrics#SLOWDOWN} when usable; else {@link Metrics#LATENCY_MEAN_MS} over the
     * current level's profiled {@link Level#latencyMs()}, when both are usable and so is their ratio; else empty.
     */
    public static OptionalDouble observed(PolicyContext context) {
        OptionalDouble slowdown = context.signals().get(Metrics.SLOWDOWN);
        if (slowdown.isPresent() && isUsable(slowdown.getAsDouble())) {
            return slowdown;
        }
        OptionalDouble mean = context.signals().get(Metrics.LATENCY_MEAN_MS);
        double profiled = context.currentLevel().latencyMs();
        if (mean.isPresent() && isUsable(mean.getAsDouble()) && isUsable(profiled)
            && isUsable(mean.getAsDouble() / profiled)) {
            return OptionalDouble.of(mean.getAsDouble() / profiled);
        }
        return OptionalDouble.empty();
    }

    /**
     * The slowdown of backend {@code backendId} (one of {@link PolicyContext#backends()}):
     * {@link Metrics#SLOWDOWN_OF_BACKEND}{@code <backendId>} when usable; for the backend serving now
     * ({@link PolicyContext#backendId()}), else {@link #observed(PolicyContext)}; else empty (a backend that has
     * not served recently is not measured).
     */
    public static OptionalDouble observedOn(PolicyContext context, String backendId) {
        OptionalDouble measured = context.signals().get(Metrics.SLOWDOWN_OF_BACKEND + backendId);
        if (measured.isPresent() && isUsable(measured.getAsDouble())) {
            return measured;
        }
        return backendId.equals(context.backendId()) ? observed(context) : OptionalDouble.empty();
    }
}
