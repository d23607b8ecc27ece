package io.dynofa.monitor.latency.internal;

import io.dynofa.monitor.api.Metrics;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One latency window per device backend, for the per-backend slowdown {@code latency.slowdown.<backendId>}.
 * Recording is lock-free; only a backend's first run creates its window.
 */
final class BackendWindows {
    private final Map<String, LatencyWindow> byBackend = new ConcurrentHashMap<>();
    private final int windowSize;
    private final long maxAgeMs;
    private final LongSupplier nanoClock;

    BackendWindows(int windowSize, long maxAgeMs, LongSupplier nanoClock) {
        this.windowSize = windowSize;
        this.maxAgeMs = maxAgeMs;
        this.nanoClock = nanoClock;
    }

    void record(String backendId, long latencyNanos, long profiledNanos) {
        LatencyWindow window = byBackend.get(backendId);
        if (window == null) {
            window = byBackend.computeIfAbsent(backendId, id -> new LatencyWindow(windowSize, maxAgeMs, nanoClock));
        }
        window.record(latencyNanos, profiledNanos);
    }

    /** The slowdown of every backend that ran within the window's age. */
    Map<String, Double> slowdowns() {
        Map<String, Double> metrics = new HashMap<>();
        byBackend.forEach((id, window) -> {
            Double slowdown = window.metrics().get(Metrics.SLOWDOWN);
            if (slowdown != null) {
                metrics.put(Metrics.SLOWDOWN_OF_BACKEND + id, slowdown);
            }
        });
        return metrics;
    }
}
