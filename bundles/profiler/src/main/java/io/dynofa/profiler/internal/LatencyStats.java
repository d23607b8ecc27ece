package io.dynofa.profiler.internal;

import io.dynofa.profile.api.LevelLatency;
import java.util.Arrays;

/** Median, 95th percentile and standard deviation of run times, in milliseconds rounded to 0.1 µs. */
record LatencyStats(double medianMs, double p95Ms, double stdMs, int count) {

    static LatencyStats of(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no runs");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        long p95 = sorted[Math.max(0, (int) Math.ceil(0.95 * n) - 1)];
        double mean = 0;
        for (long v : sorted) {
            mean += v;
        }
        mean /= n;
        double squares = 0;
        for (long v : sorted) {
            squares += (v - mean) * (v - mean);
        }
        double std = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
        return new LatencyStats(ms(median), ms(p95), ms(std), n);
    }

    /** Median of run times, nanoseconds. */
    static double medianNanos(long[] nanos, int from, int to) {
        long[] part = Arrays.copyOfRange(nanos, from, to);
        Arrays.sort(part);
        int n = part.length;
        return n % 2 == 1 ? part[n / 2] : (part[n / 2 - 1] + part[n / 2]) / 2.0;
    }

    static double ms(double nanos) {
        return Math.round(nanos / 100.0) / 1e4;
    }

    LevelLatency toLevel(String levelId, String series, double top1, long macs, String sha256) {
        return new LevelLatency(levelId, series, top1, macs, medianMs, p95Ms, stdMs, count, sha256);
    }
}
