package io.dynofa.demo.internal;

import io.dynofa.util.internal.Stats;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** Frame latencies since the camera started, in 10 µs buckets up to 100 ms (the last bucket holds the rest). */
final class LatencyHistogram {
    private static final long BUCKET_NANOS = 10_000;
    private static final int BUCKETS = 10_000;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final LongAdder totalNanos = new LongAdder();
    private final LongAdder samples = new LongAdder();

    /** Buckets are counted before the sample total, so a concurrent read never ranks past the buckets. */
    void record(long nanos) {
        counts.incrementAndGet((int) Math.min(BUCKETS - 1, Math.max(0, nanos) / BUCKET_NANOS));
        totalNanos.add(nanos);
        samples.increment();
    }

    long count() {
        return samples.sum();
    }

    double meanMillis() {
        long n = samples.sum();
        return n == 0 ? Double.NaN : totalNanos.sum() / 1e6 / n;
    }

    /** Upper edge of the bucket holding the p-th percentile (nearest rank), in ms; NaN when empty. */
    double percentileMillis(double p) {
        long n = samples.sum();
        if (n == 0) {
            return Double.NaN;
        }
        long rank = Stats.rank(p / 100.0, n);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return (i + 1) * BUCKET_NANOS / 1e6;
            }
        }
        return BUCKETS * BUCKET_NANOS / 1e6;
    }
}
