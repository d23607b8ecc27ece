package io.dynofa.monitor.latency.internal;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** The moving window of the manager's runs: the last {@code windowSize} runs no older than {@code maxAgeMs}. */
final class LatencyWindow {
    private final LatencyRing ring;
    private final long maxAgeNanos;
    private final LongSupplier nanoClock;

    LatencyWindow(int windowSize, long maxAgeMs, LongSupplier nanoClock) {
        if (maxAgeMs < 1) {
            throw new IllegalArgumentException("maxAgeMs must be at least 1, got " + maxAgeMs);
        }
        this.ring = new LatencyRing(windowSize);
        this.maxAgeNanos = TimeUnit.MILLISECONDS.toNanos(maxAgeMs);
        this.nanoClock = nanoClock;
    }

    /** Lock-free and allocation-free; never throws. */
    void record(long latencyNanos, long profiledNanos) {
        double slowdown = profiledNanos > 0 ? (double) latencyNanos / profiledNanos : Double.NaN;
        ring.record(nanoClock.getAsLong(), latencyNanos, slowdown);
    }

    Map<String, Double> metrics() {
        return WindowStatistics.of(ring.recent(nanoClock.getAsLong(), maxAgeNanos));
    }
}
