package io.dynofa.policy.crossbackend.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The last slowdown measured on each backend. A backend that no longer serves is measured no more; its
 * remembered slowdown decays towards 1 (as profiled) with a half-life, so that the policy tries it again
 * after a while instead of avoiding it for ever. Used on the decision thread only.
 */
final class SlowdownMemory {
    private record Seen(double slowdown, long nanoTime) {
    }

    private final Map<String, Seen> seen = new HashMap<>();
    private final double halfLifeNanos;

    SlowdownMemory(long halfLifeMs) {
        this.halfLifeNanos = Math.max(1, halfLifeMs) * 1e6;
    }

    /** {@code measured} (a usable slowdown) when present, and remembered; else the decayed memory, else 1. */
    double estimate(String backendId, OptionalDouble measured, long nowNanos) {
        if (measured.isPresent()) {
            seen.put(backendId, new Seen(measured.getAsDouble(), nowNanos));
            return measured.getAsDouble();
        }
        Seen last = seen.get(backendId);
        if (last == null) {
            return 1.0;
        }
        double halves = Math.max(0, nowNanos - last.nanoTime()) / halfLifeNanos;
        return 1 + (last.slowdown() - 1) * Math.pow(0.5, halves);
    }

    void clear() {
        seen.clear();
    }
}
