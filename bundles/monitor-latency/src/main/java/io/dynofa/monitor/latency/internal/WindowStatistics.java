package io.dynofa.monitor.latency.internal;

import io.dynofa.monitor.api.Metrics;
import io.dynofa.util.internal.Stats;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Turns a {@link WindowSample} into the latency metrics; percentiles are {@link Stats}' nearest rank. */
final class WindowStatistics {
    private static final double NANOS_PER_MILLI = 1e6;

    private WindowStatistics() {
    }

    /**
     * Mean, p95, p99, count and (when known) the mean, p95 and recent slowdown (the sample's slowdowns are in run
     * order); empty when the window holds no run.
     */
    static Map<String, Double> of(WindowSample sample) {
        long[] latencies = sample.latenciesNanos();
        int n = latencies.length;
        if (n == 0) {
            return Map.of();
        }
        Map<String, Double> metrics = new HashMap<>();
        metrics.put(Metrics.LATENCY_COUNT, (double) n);
        metrics.put(Metrics.LATENCY_MEAN_MS, Stats.mean(latencies, n) / NANOS_PER_MILLI);
        metrics.put(Metrics.LATENCY_P95_MS, Stats.percentile(latencies, n, 0.95) / NANOS_PER_MILLI);
        metrics.put(Metrics.LATENCY_P99_MS, Stats.percentile(latencies, n, 0.99) / NANOS_PER_MILLI);
        if (sample.slowdowns().length > 0) {
            double[] slowdowns = sample.slowdowns();
            metrics.put(Metrics.SLOWDOWN, Arrays.stream(slowdowns).average().orElseThrow());
            metrics.put(Metrics.TAIL_SLOWDOWN, Stats.percentile(slowdowns, slowdowns.length, 0.95));
            if (slowdowns.length >= 2) {
                metrics.put(Metrics.RECENT_SLOWDOWN, Math.min(slowdowns[slowdowns.length - 1],
                    slowdowns[slowdowns.length - 2]));
            }
        }
        return Map.copyOf(metrics);
    }
}
