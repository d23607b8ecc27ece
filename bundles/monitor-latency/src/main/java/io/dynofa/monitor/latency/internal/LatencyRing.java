package io.dynofa.monitor.latency.internal;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A fixed-size ring of (timestamp, latency, slowdown) samples. {@link #record} is lock-free and
 * allocation-free, so it can run on the inference path from any number of threads.
 *
 * <p>Reads are not atomic per sample: while a writer overwrites a slot, {@link #recent} may see that
 * slot's new timestamp with its old latency or slowdown (or the reverse). Such a torn sample is always
 * one of the last {@code capacity} runs, so the window's statistics stay meaningful.
 */
final class LatencyRing {
    private static final long NEVER_WRITTEN = Long.MIN_VALUE;

    private final int capacity;
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLongArray timestamps;
    private final AtomicLongArray latencies;
    private final AtomicLongArray slowdownBits;

    LatencyRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("window size must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.timestamps = new AtomicLongArray(capacity);
        this.latencies = new AtomicLongArray(capacity);
        this.slowdownBits = new AtomicLongArray(capacity);
        for (int i = 0; i < capacity; i++) {
            timestamps.set(i, NEVER_WRITTEN);
        }
    }

    /** @param slowdown measured / profiled latency, or NaN when the profiled latency is unknown */
    void record(long timestampNanos, long latencyNanos, double slowdown) {
        int slot = (int) (writes.getAndIncrement() % capacity);
        latencies.set(slot, latencyNanos);
        slowdownBits.set(slot, Double.doubleToRawLongBits(slowdown));
        timestamps.set(slot, timestampNanos);
    }

    /** The samples of the last {@code capacity} runs that are at most {@code maxAgeNanos} old at {@code nowNanos}. */
    WindowSample recent(long nowNanos, long maxAgeNanos) {
        long[] latencyBuffer = new long[capacity];
        double[] slowdownBuffer = new double[capacity];
        int count = 0;
        int withSlowdown = 0;
        long end = writes.get();
        for (long i = Math.max(0, end - capacity); i < end; i++) {
            int slot = (int) (i % capacity);
            long timestamp = timestamps.get(slot);
            if (timestamp == NEVER_WRITTEN || nowNanos - timestamp > maxAgeNanos) {
                continue;
            }
            latencyBuffer[count++] = latencies.get(slot);
            double slowdown = Double.longBitsToDouble(slowdownBits.get(slot));
            if (!Double.isNaN(slowdown)) {
                slowdownBuffer[withSlowdown++] = slowdown;
            }
        }
        return new WindowSample(Arrays.copyOf(latencyBuffer, count),
            Arrays.copyOf(slowdownBuffer, withSlowdown));
    }
}
