package io.dynofa.monitor.latency.internal;

import io.dynofa.monitor.api.Metrics;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Turns a {@link WindowSample} into the latency metrics. */
final class WindowStatistics {
    private static final double NANOS_PER_MILLI = 1e6;
    private static final double PERCENTILE = 0.95;

    private WindowStatistics() {
    }

    /** Mean, p95, count and (when known) slowdown; empty when the window holds no run. */
    static Map<String, Double> of(WindowSample sample) {
        long[] latencies = sample.latenciesNanos();
        if (latencies.length == 0) {
            return Map.of();
        }
        Map<String, Double> metrics = new HashMap<>();
        metrics.put(Metrics.LATENCY_COUNT, (double) latencies.length);
        metrics.put(Metrics.LATENCY_MEAN_MS, mean(latencies) / NANOS_PER_MILLI);
        metrics.put(Metrics.LATENCY_P95_MS, nearestRank(latencies, PERCENTILE) / NANOS_PER_MILLI);
        if (sample.slowdowns().length > 0) {
            metrics.put(Metrics.SLOWDOWN, Arrays.stream(sample.slowdowns()).average().orElseThrow());
        }
        return Map.copyOf(metrics);
    }

    static double mean(long[] values) {
        double sum = 0;
        for (long v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The smallest value with at least {@code fraction} of the values at or below it. */
    static long nearestRank(long[] values, double fraction) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
