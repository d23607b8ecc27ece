package io.dynofa.policy.step.internal;

import io.dynofa.config.policy.internal.ConfiguredPolicy;
import io.dynofa.monitor.api.Metrics;
import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.LevelFit;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.api.Slowdown;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

/**
 * Dynamic-OFA's step rule: one level down while the windowed mean latency exceeds the target, one
 * level up while the current level is below the accuracy floor. Added to the paper's rule: a step up
 * on headroom (with hysteresis, so two levels either side of the target do not alternate), a minimum
 * dwell time between switches, and an emergency step down that ignores the dwell time.
 *
 * <p>Latency wins over the accuracy floor: the rule steps down below the floor when the mean exceeds
 * the target, and steps up for the floor only when the mean is within the target and the next level's
 * estimate (profiled latency x {@linkplain Slowdown#observed observed slowdown}, 1 when none is) fits it,
 * so floor and latency never ping-pong.
 */
final class StepRule implements ConfiguredPolicy.Rule {
    private final double hysteresis;
    private final long minDwellNanos;
    private final double emergencyFactor;

    StepRule(double hysteresis, long minDwellMs, double emergencyFactor) {
        if (!(hysteresis >= 0 && hysteresis < 1)) {
            throw new IllegalArgumentException("hysteresis must be in [0, 1), got " + hysteresis);
        }
        if (minDwellMs < 0) {
            throw new IllegalArgumentException("minDwellMs must not be negative, got " + minDwellMs);
        }
        if (!(emergencyFactor >= 1)) {
            throw new IllegalArgumentException("emergencyFactor must be at least 1, got " + emergencyFactor);
        }
        this.hysteresis = hysteresis;
        this.minDwellNanos = TimeUnit.MILLISECONDS.toNanos(minDwellMs);
        this.emergencyFactor = emergencyFactor;
    }

    @Override
    public Decision decide(PolicyContext c) {
        OptionalDouble mean = c.signals().get(Metrics.LATENCY_MEAN_MS);
        double slowdown = Slowdown.observed(c).orElse(1.0);
        boolean overTarget = mean.isPresent() && mean.getAsDouble() > c.targetMs();
        if (belowFloor(c) && !overTarget) {
            return raiseToFloor(c, slowdown);
        }
        if (mean.isEmpty()) {
            return Decision.stay("no latency yet");
        }
        return overTarget ? stepDown(c, mean.getAsDouble()) : stepUpOnHeadroom(c, mean.getAsDouble(), slowdown);
    }

    private static boolean belowFloor(PolicyContext c) {
        return c.currentLevel().top1() < c.accuracyFloor() && c.current() < c.top();
    }

    private Decision raiseToFloor(PolicyContext c, double slowdown) {
        double estimate = LevelFit.expectedMs(c.levels().get(c.current() + 1), slowdown);
        if (estimate > c.targetMs()) {
            return Decision.stay(format("below accuracy floor %.1f%% but next level est. %.2f ms > target %.2f ms:"
                + " latency wins", c.accuracyFloor(), estimate, c.targetMs()));
        }
        return afterDwell(c, c.current() + 1,
            format("below accuracy floor: %.1f%% < %.1f%%", c.currentLevel().top1(), c.accuracyFloor()));
    }

    private Decision stepDown(PolicyContext c, double mean) {
        if (c.current() == 0) {
            return Decision.stay(format("mean %.2f ms > target %.2f ms, already at the fastest level",
                mean, c.targetMs()));
        }
        if (mean > c.targetMs() * emergencyFactor) {
            return Decision.moveTo(c.current() - 1, format("emergency: mean %.2f ms > %.2f x target %.2f ms",
                mean, emergencyFactor, c.targetMs()));
        }
        return afterDwell(c, c.current() - 1, format("mean %.2f ms > target %.2f ms", mean, c.targetMs()));
    }

    private Decision stepUpOnHeadroom(PolicyContext c, double mean, double slowdown) {
        if (c.current() == c.top()) {
            return Decision.stay(format("mean %.2f ms within target %.2f ms at the most accurate level",
                mean, c.targetMs()));
        }
        double threshold = c.targetMs() * (1 - hysteresis);
        double estimate = LevelFit.expectedMs(c.levels().get(c.current() + 1), slowdown);
        if (mean >= threshold) {
            return Decision.stay(format("mean %.2f ms within target %.2f ms, no headroom below %.2f ms",
                mean, c.targetMs(), threshold));
        }
        if (estimate >= threshold) {
            return Decision.stay(format("mean %.2f ms within target; next level est. %.2f ms >= %.2f ms",
                mean, estimate, threshold));
        }
        return afterDwell(c, c.current() + 1, format("headroom: next level est. %.2f ms < %.2f ms",
            estimate, threshold));
    }

    private Decision afterDwell(PolicyContext c, int level, String reason) {
        if (c.nanosSinceSwitch() < minDwellNanos) {
            return Decision.stay(format("dwell %.0f ms < %d ms, holding (%s)", c.millisSinceSwitch(),
                TimeUnit.NANOSECONDS.toMillis(minDwellNanos), reason));
        }
        return Decision.moveTo(level, reason);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
