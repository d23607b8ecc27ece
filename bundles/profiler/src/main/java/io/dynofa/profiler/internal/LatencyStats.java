package io.dynofa.profiler.internal;

import io.dynofa.profile.api.LevelLatency;
import io.dynofa.util.internal.Stats;

/**
 * Median, 95th percentile (nearest rank) and sample standard deviation of run times ({@link Stats}' definitions),
 * in milliseconds rounded to 0.1 µs.
 */
record LatencyStats(double medianMs, double p95Ms, double stdMs, int count) {

    static LatencyStats of(long[] nanos) {
        int n = nanos.length;
        if (n == 0) {
            throw new IllegalArgumentException("no runs");
        }
        return new LatencyStats(ms(Stats.median(nanos, n)), ms(Stats.percentile(nanos, n, 0.95)),
            ms(Stats.standardDeviation(nanos, n)), n);
    }

    static double ms(double nanos) {
        return Math.round(nanos / 100.0) / 1e4;
    }

    LevelLatency toLevel(String levelId, String series, double top1, long macs, String sha256) {
        return new LevelLatency(levelId, series, top1, macs, medianMs, p95Ms, stdMs, count, sha256);
    }
}
