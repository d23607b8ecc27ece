package io.dynofa.policy.slackfit.internal;

import io.dynofa.monitor.api.Metrics;
import io.dynofa.monitor.api.Signals;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.api.Slowdown;
import java.util.OptionalDouble;

/**
 * What one decision sees of the tail, from {@link PolicyContext#signals()}; an unknown reading is NaN. Every
 * reading is untrusted: a missing, non-finite or out-of-range value counts as unknown.
 *
 * @param deadlineMs {@link Metrics#FRAME_DEADLINE_MS} when usable, else the context's target
 * @param runTailMs the runs' p95, {@link Metrics#LATENCY_P95_MS}
 * @param frameTailMs the frames' p95 (arrival to result, waiting included), {@link Metrics#FRAME_LATENCY_P95_MS}
 * @param missRate {@link Metrics#FRAME_MISS_RATE}, 0..1; unknown when the window offered no frame
 * @param runSlowdown the runs' mean slowdown, {@link Metrics#SLOWDOWN}: each run against its own level's profile,
 *     so a window that mixes levels still reads right
 * @param runTailSlowdown the runs' p95 slowdown, {@link Metrics#TAIL_SLOWDOWN}: the tail, and right in a mixed
 *     window too
 * @param recentSlowdown the last two runs' smaller slowdown, {@link Metrics#RECENT_SLOWDOWN}
 */
record TailSignals(double deadlineMs, double runTailMs, double frameTailMs, double missRate, double runSlowdown,
                   double runTailSlowdown, double recentSlowdown) {

    static TailSignals of(PolicyContext c) {
        Signals s = c.signals();
        double frameDeadline = positive(s.get(Metrics.FRAME_DEADLINE_MS));
        double deadline = Double.isNaN(frameDeadline) ? positive(OptionalDouble.of(c.targetMs())) : frameDeadline;
        double frames = s.get(Metrics.FRAME_COUNT, Double.NaN);
        OptionalDouble miss = s.get(Metrics.FRAME_MISS_RATE);
        double missRate = miss.isPresent() && miss.getAsDouble() >= 0 && miss.getAsDouble() <= 1 && !(frames <= 0)
            ? miss.getAsDouble() : Double.NaN;
        return new TailSignals(deadline, positive(s.get(Metrics.LATENCY_P95_MS)),
            positive(s.get(Metrics.FRAME_LATENCY_P95_MS)), missRate, positive(s.get(Metrics.SLOWDOWN)),
            positive(s.get(Metrics.TAIL_SLOWDOWN)), positive(s.get(Metrics.RECENT_SLOWDOWN)));
    }

    /**
     * The tail's slowdown against {@code profiledMs}, the current level's profiled latency: the runs' p95 slowdown
     * when known; else the runs' p95 over it (the frames' waiting then goes into the
     * {@linkplain #waitingMs budget}), else the frames' p95 over it (waiting then scales with the level, which errs
     * on the slow side); empty when none is known.
     */
    OptionalDouble tailSlowdown(double profiledMs) {
        if (!Double.isNaN(runTailSlowdown)) {
            return OptionalDouble.of(runTailSlowdown);
        }
        double tail = Double.isNaN(runTailMs) ? frameTailMs : runTailMs;
        double slowdown = tail / profiledMs;
        return Slowdown.isUsable(slowdown) ? OptionalDouble.of(slowdown) : OptionalDouble.empty();
    }

    /** How long the frames' tail waits before its run: frame p95 minus run p95 when both are known, else 0. */
    double waitingMs() {
        return Double.isNaN(runTailMs) || Double.isNaN(frameTailMs) ? 0 : Math.max(0, frameTailMs - runTailMs);
    }

    /**
     * The slowdown of the runs each against its own level's profile, right while the window still holds the
     * previous level's runs: their p95 when known, else their mean (NaN when neither is).
     */
    double perRunSlowdown() {
        return Double.isNaN(runTailSlowdown) ? runSlowdown : runTailSlowdown;
    }

    /** Whether the frames missed their deadline more often than {@code tolerance}; false when unknown. */
    boolean missesAbove(double tolerance) {
        return missRate > tolerance;
    }

    private static double positive(OptionalDouble value) {
        return value.isPresent() && Slowdown.isUsable(value.getAsDouble()) ? value.getAsDouble() : Double.NaN;
    }
}
