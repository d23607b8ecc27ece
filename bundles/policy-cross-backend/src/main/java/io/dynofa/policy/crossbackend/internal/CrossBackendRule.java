package io.dynofa.policy.crossbackend.internal;

import io.dynofa.config.policy.internal.ConfiguredPolicy;
import io.dynofa.monitor.api.Metrics;
import io.dynofa.monitor.api.Signals;
import io.dynofa.policy.api.BackendLevels;
import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.api.Slowdown;
import java.util.List;

/**
 * The cross-backend rule: for every backend the family is resident on, its effective slowdown (observed there,
 * {@link Slowdown#observedOn}, or remembered; times {@code 1 / (1 - busy)} when a monitor reports the device
 * {@code backend.busy.<id>} taken by other applications) and its most accurate level that fits the target at
 * that slowdown. The most accurate fitting option wins; on a tie the configured (preferred) backend, then the
 * current one. When nothing fits anywhere: the fastest expected option. Moving up or to another backend waits
 * for the dwell time unless nothing fits where the runtime serves now.
 */
final class CrossBackendRule implements ConfiguredPolicy.Rule {
    private static final double MAX_BUSY = 0.95;

    private final double margin;
    private final long minDwellMs;
    private final SlowdownMemory memory;

    CrossBackendRule(double margin, long minDwellMs, long recoveryHalfLifeMs) {
        if (!(margin > 0 && margin <= 1)) {
            throw new IllegalArgumentException("margin must be in (0, 1], got " + margin);
        }
        this.margin = margin;
        this.minDwellMs = Math.max(0, minDwellMs);
        this.memory = new SlowdownMemory(recoveryHalfLifeMs);
    }

    @Override
    public Decision decide(PolicyContext c) {
        List<BackendLevels> backends = c.backends().isEmpty()
            ? List.of(new BackendLevels(c.backendId(), c.levels(), c.current(), true)) : c.backends();
        double budget = c.targetMs() * margin;
        Option current = null;
        Option best = null;
        for (BackendLevels b : backends) {
            Option option = Option.of(b, slowdown(c, b), budget, c.accuracyFloor());
            if (b.backendId().equals(c.backendId())) {
                current = option;
            }
            if (best == null || better(option, best, c.backendId())) {
                best = option;
            }
        }
        if (current == null) {
            current = Option.of(new BackendLevels(c.backendId(), c.levels(), c.current(), false),
                slowdown(c, null), budget, c.accuracyFloor());
        }
        boolean dwelt = c.millisSinceSwitch() >= minDwellMs;
        if (!best.id().equals(current.id()) && (dwelt || !current.fits())) {
            return Decision.moveTo(best.id(), Math.max(0, best.fit()), "move to " + best + "; " + current);
        }
        int wanted = Math.max(0, current.fit());
        if (wanted < c.current() || (wanted > c.current() && dwelt)) {
            return Decision.moveTo(wanted, current.toString());
        }
        return Decision.stay(current + (best == current ? "" : "; waiting to move to " + best));
    }

    /** Fitting beats not fitting; then accuracy (or, when neither fits, expected latency); then preferred, current. */
    private static boolean better(Option a, Option b, String currentId) {
        if (a.fits() != b.fits()) {
            return a.fits();
        }
        double difference = a.fits() ? a.level().top1() - b.level().top1() : b.expectedMs() - a.expectedMs();
        if (difference != 0) {
            return difference > 0;
        }
        if (a.backend().preferred() != b.backend().preferred()) {
            return a.backend().preferred();
        }
        return a.id().equals(currentId);
    }

    private double slowdown(PolicyContext c, BackendLevels b) {
        String id = b == null ? c.backendId() : b.backendId();
        Signals signals = c.signals();
        double busy = Math.max(0, Math.min(MAX_BUSY, signals.get(Metrics.BUSY_OF_BACKEND + id, 0)));
        return memory.estimate(id, Slowdown.observedOn(c, id), signals.nanoTime()) / (1 - busy);
    }

    @Override
    public void reset() {
        memory.clear();
    }
}
