package io.dynofa.monitor.latency.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The windows over one deployment's runs: the one over all of them and the ones per backend, and when the last
 * run was recorded. Recording is lock-free; only a backend's first run creates its window.
 */
final class RunWindows {
    private final LatencyWindow all;
    private final BackendWindows backends;
    private final LongSupplier nanoClock;
    private volatile long lastRunNanos;

    RunWindows(int windowSize, long maxAgeMs, LongSupplier nanoClock) {
        this.all = new LatencyWindow(windowSize, maxAgeMs, nanoClock);
        this.backends = new BackendWindows(windowSize, maxAgeMs, nanoClock);
        this.nanoClock = nanoClock;
        this.lastRunNanos = nanoClock.getAsLong();
    }

    /** A run whose backend is not known: it counts in the window over all runs only. */
    void record(long latencyNanos, long profiledNanos) {
        lastRunNanos = nanoClock.getAsLong();
        all.record(latencyNanos, profiledNanos);
    }

    /** A run of backend {@code backendId} (null: not known). */
    void record(String backendId, long latencyNanos, long profiledNanos) {
        record(latencyNanos, profiledNanos);
        if (backendId != null) {
            backends.record(backendId, latencyNanos, profiledNanos);
        }
    }

    /** {@link System#nanoTime()} of the last run recorded, or of the windows' making before the first. */
    long lastRunNanos() {
        return lastRunNanos;
    }

    /** The window's mean, p95, p99, count and slowdown, and the slowdown per backend. */
    Map<String, Double> metrics() {
        Map<String, Double> metrics = new HashMap<>(all.metrics());
        metrics.putAll(backends.slowdowns());
        return metrics;
    }
}
