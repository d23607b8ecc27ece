package io.dynofa.policy.alert.internal;

import io.dynofa.config.policy.internal.ConfiguredPolicy;
import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.LevelFit;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.api.Slowdown;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * ALERT's level choice (Wan et al., USENIX ATC 2020): a Kalman filter estimates the global slowdown ξ
 * with variance P, and a level fits when its profiled latency x (ξ + k·√P) is within the target, so it
 * meets the target with the Gaussian confidence Φ(k). The rule wants the most accurate fitting level
 * (the fastest when none fits). It moves down at once; it moves up only after the dwell time, and only
 * to a level that fits target x upMargin. A decision without an observation stays and leaves the filter
 * as it was.
 *
 * <p>Accuracy floor: levels at or above the floor are preferred whenever they fit. Below the floor, the
 * rule climbs to the fastest level at the floor as soon as that fits the target itself (the up margin
 * does not apply; the dwell time does). When no level at the floor fits, latency wins: the chosen level
 * stays below the floor and the reason says so.
 */
final class AlertRule implements ConfiguredPolicy.Rule {
    private static final int NONE = -1;

    private final SlowdownFilter filter;
    private final double k;
    private final double upMargin;
    private final long minDwellNanos;

    AlertRule(SlowdownFilter filter, double k, double upMargin, long minDwellMs) {
        if (!(k >= 0 && Double.isFinite(k))) {
            throw new IllegalArgumentException("k must be a non-negative number, got " + k);
        }
        if (!(upMargin > 0 && upMargin <= 1)) {
            throw new IllegalArgumentException("upMargin must be in (0, 1], got " + upMargin);
        }
        if (minDwellMs < 0) {
            throw new IllegalArgumentException("minDwellMs must not be negative, got " + minDwellMs);
        }
        this.filter = filter;
        this.k = k;
        this.upMargin = upMargin;
        this.minDwellNanos = TimeUnit.MILLISECONDS.toNanos(minDwellMs);
    }

    @Override
    public Decision decide(PolicyContext c) {
        OptionalDouble observed = Slowdown.observed(c);
        if (observed.isEmpty()) {
            return Decision.stay("no slowdown or latency yet");
        }
        SlowdownEstimate estimate = filter.update(observed.getAsDouble());
        double bound = estimate.upperBound(k);
        Reasons why = new Reasons(c, estimate, bound);
        int fitting = LevelFit.mostAccurateFitting(c.levels(), bound, c.targetMs());
        if (fitting < c.current()) {
            return Decision.moveTo(fitting, why.fits(fitting, c.targetMs()));
        }
        if (fitting == c.current()) {
            return Decision.stay(why.fits(fitting, c.targetMs()));
        }
        return moveUp(c, why, bound, fitting);
    }

    @Override
    public void reset() {
        filter.reset();
    }

    private Decision moveUp(PolicyContext c, Reasons why, double bound, int fitting) {
        double upBudget = c.targetMs() * upMargin;
        int withMargin = LevelFit.mostAccurateFitting(c.levels(), bound, upBudget);
        int toFloor = floorLevelIfItFits(c, fitting);
        int chosen = Math.max(withMargin, toFloor);
        if (chosen <= c.current()) {
            return Decision.stay(why.outsideUpMargin(c.current() + 1, upBudget, upMargin));
        }
        String reason = chosen == withMargin ? why.fits(chosen, upBudget) : why.raisesToFloor(chosen);
        if (c.nanosSinceSwitch() < minDwellNanos) {
            return Decision.stay(why.dwelling(minDwellNanos, reason));
        }
        return Decision.moveTo(chosen, reason);
    }

    /** The fastest level at the floor when the current level is below it and that level fits; else NONE. */
    private static int floorLevelIfItFits(PolicyContext c, int fitting) {
        if (c.currentLevel().top1() >= c.accuracyFloor()) {
            return NONE;
        }
        OptionalInt atFloor = LevelFit.fastestAtFloor(c.levels(), c.accuracyFloor());
        return atFloor.isPresent() && atFloor.getAsInt() <= fitting ? atFloor.getAsInt() : NONE;
    }
}
