package io.dynofa.demo.internal;

import java.util.Arrays;

/**
 * Frames per second over the last full second, counted in 100 ms buckets so memory stays bounded
 * at any frame rate. Times are {@link System#nanoTime()} values. Thread-safe.
 */
final class FrameRate {
    static final long BUCKET_NANOS = 100_000_000L;
    static final int BUCKETS_PER_SECOND = 10;

    private final long[] counts = new long[BUCKETS_PER_SECOND + 1];
    private final long[] bucketInSlot = new long[BUCKETS_PER_SECOND + 1];
    private long firstBucket = Long.MIN_VALUE;

    FrameRate() {
        Arrays.fill(bucketInSlot, Long.MIN_VALUE);
    }

    synchronized void record(long nanos) {
        long bucket = Math.floorDiv(nanos, BUCKET_NANOS);
        int slot = slotOf(bucket);
        if (bucketInSlot[slot] != bucket) {
            bucketInSlot[slot] = bucket;
            counts[slot] = 0;
        }
        counts[slot]++;
        if (firstBucket == Long.MIN_VALUE) {
            firstBucket = bucket;
        }
    }

    /** Frames per second over the complete buckets of the last second; 0 before the first complete bucket. */
    synchronized double perSecond(long nanos) {
        if (firstBucket == Long.MIN_VALUE) {
            return 0;
        }
        long current = Math.floorDiv(nanos, BUCKET_NANOS);
        long from = Math.max(current - BUCKETS_PER_SECOND, firstBucket);
        if (current <= from) {
            return 0;
        }
        long frames = 0;
        for (long bucket = from; bucket < current; bucket++) {
            int slot = slotOf(bucket);
            if (bucketInSlot[slot] == bucket) {
                frames += counts[slot];
            }
        }
        return frames * 1e9 / ((current - from) * BUCKET_NANOS);
    }

    private int slotOf(long bucket) {
        return (int) Math.floorMod(bucket, (long) counts.length);
    }
}
