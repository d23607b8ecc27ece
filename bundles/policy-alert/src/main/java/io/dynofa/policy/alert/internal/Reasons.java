package io.dynofa.policy.alert.internal;

import io.dynofa.policy.api.Level;
import io.dynofa.policy.api.LevelFit;
import io.dynofa.policy.api.PolicyContext;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** The reason strings of one decision, e.g. {@code ξ=1.84±0.12: ofa-07 est 0.41 ms <= 0.50 ms}. */
final class Reasons {
    private final PolicyContext context;
    private final String slowdown;
    private final double bound;

    /** @param bound the slowdown the estimates use, ξ + k·σ */
    Reasons(PolicyContext context, SlowdownEstimate estimate, double bound) {
        this.context = context;
        this.slowdown = format("ξ=%.2f±%.2f", estimate.mean(), estimate.standardDeviation());
        this.bound = bound;
    }

    String fits(int index, double budgetMs) {
        Level level = context.levels().get(index);
        double estimate = LevelFit.expectedMs(level, bound);
        String text = estimate <= budgetMs
            ? format("%s: %s est %.2f ms <= %.2f ms", slowdown, level.id(), estimate, budgetMs)
            : format("%s: no level fits %.2f ms, %s est %.2f ms", slowdown, budgetMs, level.id(), estimate);
        return level.top1() < context.accuracyFloor()
            ? text + format("; below accuracy floor %.1f%%: latency wins", context.accuracyFloor())
            : text;
    }

    String outsideUpMargin(int index, double upBudgetMs, double upMargin) {
        Level level = context.levels().get(index);
        return format("%s: %s est %.2f ms > %.2f ms (up margin %.2f), keeping %s", slowdown, level.id(),
            LevelFit.expectedMs(level, bound), upBudgetMs, upMargin, context.currentLevel().id());
    }

    String raisesToFloor(int index) {
        Level level = context.levels().get(index);
        return format("%s: %s est %.2f ms <= %.2f ms, up to accuracy floor %.1f%%", slowdown, level.id(),
            LevelFit.expectedMs(level, bound), context.targetMs(), context.accuracyFloor());
    }

    String dwelling(long minDwellNanos, String reason) {
        return format("dwell %.0f ms < %d ms, holding (%s)", context.millisSinceSwitch(),
            TimeUnit.NANOSECONDS.toMillis(minDwellNanos), reason);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
