package io.dynofa.policy.lutfit.internal;

import io.dynofa.config.policy.internal.ConfiguredPolicy;
import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.Level;
import io.dynofa.policy.api.LevelFit;
import io.dynofa.policy.api.PolicyContext;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

/**
 * Look-up-table best fit: the most accurate level whose profiled latency times the smoothed slowdown is
 * at most target x margin; the fastest level when none fits. Moves down at once, moves up only after
 * the dwell time.
 *
 * <p>The accuracy floor loses to latency: every level above the chosen one is estimated to miss the
 * target, so a chosen level below the floor is kept and the reason says so.
 */
final class LutFitRule implements ConfiguredPolicy.Rule {
    private final SlowdownEstimate slowdown;
    private final double margin;
    private final long minDwellNanos;

    LutFitRule(double smoothing, double margin, long minDwellMs) {
        if (!(margin > 0 && Double.isFinite(margin))) {
            throw new IllegalArgumentException("margin must be a positive number, got " + margin);
        }
        if (minDwellMs < 0) {
            throw new IllegalArgumentException("minDwellMs must not be negative, got " + minDwellMs);
        }
        this.slowdown = new SlowdownEstimate(smoothing);
        this.margin = margin;
        this.minDwellNanos = TimeUnit.MILLISECONDS.toNanos(minDwellMs);
    }

    @Override
    public Decision decide(PolicyContext c) {
        OptionalDouble factor = slowdown.update(c);
        if (factor.isEmpty()) {
            return Decision.stay("no slowdown or latency yet");
        }
        double budget = c.targetMs() * margin;
        int chosen = LevelFit.mostAccurateFitting(c.levels(), factor.getAsDouble(), budget);
        String reason = reason(c, chosen, factor.getAsDouble(), budget);
        if (chosen == c.current()) {
            return Decision.stay(reason);
        }
        if (chosen > c.current() && c.nanosSinceSwitch() < minDwellNanos) {
            return Decision.stay(format("dwell %.0f ms < %d ms, holding (%s)", c.millisSinceSwitch(),
                TimeUnit.NANOSECONDS.toMillis(minDwellNanos), reason));
        }
        return Decision.moveTo(chosen, reason);
    }

    @Override
    public void reset() {
        slowdown.reset();
    }

    private static String reason(PolicyContext c, int chosen, double slowdown, double budget) {
        Level level = c.levels().get(chosen);
        double estimate = LevelFit.expectedMs(level, slowdown);
        String fit = estimate <= budget
            ? format("level %d est. %.2f ms <= %.2f ms (slowdown %.2f)", chosen, estimate, budget, slowdown)
            : format("no level fits %.2f ms, fastest est. %.2f ms (slowdown %.2f)", budget, estimate, slowdown);
        return level.top1() < c.accuracyFloor()
            ? fit + format("; below accuracy floor %.1f%%: latency wins", c.accuracyFloor())
            : fit;
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
