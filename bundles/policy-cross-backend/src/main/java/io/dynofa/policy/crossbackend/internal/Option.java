package io.dynofa.policy.crossbackend.internal;

import io.dynofa.policy.api.BackendLevels;
import io.dynofa.policy.api.Level;
import io.dynofa.policy.api.LevelFit;

/**
 * What one backend offers now: its most accurate level whose latency times the backend's effective slowdown
 * fits ({@code fit}, -1 when none does), and that slowdown.
 */
record Option(BackendLevels backend, int fit, double slowdown) {

    static Option of(BackendLevels backend, double slowdown, double budgetMs, double accuracyFloor) {
        int fit = LevelFit.mostAccurateFittingAtFloor(backend.levels(), slowdown, budgetMs, accuracyFloor).orElse(-1);
        return new Option(backend, fit, slowdown);
    }

    boolean fits() {
        return fit >= 0;
    }

    /** The level to serve: the fitting one, else the fastest. */
    Level level() {
        return backend.levels().get(Math.max(0, fit));
    }

    double expectedMs() {
        return LevelFit.expectedMs(level(), slowdown);
    }

    String id() {
        return backend.backendId();
    }

    @Override
    public String toString() {
        Level l = level();
        return String.format("%s x%.2f %s %s (%.1f%%, ~%.2f ms)", id(), slowdown,
            fits() ? "fits" : "fits nothing, fastest", l.id(), l.top1(), expectedMs());
    }
}
