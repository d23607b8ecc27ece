package io.dynofa.demo.internal;

import io.dynofa.util.internal.Stats;

/**
 * The frames that ended in the last {@code window} (at most the newest {@value #CAPACITY}, so memory stays
 * bounded at any frame rate): how many, how many missed, and the nearest-rank p95 and p99 of the latency (arrival
 * to end) of those that were answered. Frames are recorded in the order they end; times are
 * {@link System#nanoTime()} values given by the caller. Thread-safe.
 */
final class FrameWindow {
    static final int CAPACITY = 16_384;

    /**
     * One reading.
     *
     * @param frames frames that ended in the window
     * @param misses those that were late, dropped or failed
     * @param p95Millis p95 frame latency of the answered ones, NaN when none was answered
     * @param p99Millis p99 likewise
     */
    record Reading(int frames, int misses, double p95Millis, double p99Millis) {
        /** Misses over frames, NaN without frames. */
        double missRate() {
            return frames == 0 ? Double.NaN : (double) misses / frames;
        }
    }

    private final long[] endedAt = new long[CAPACITY];
    private final long[] latencies = new long[CAPACITY];
    private final boolean[] missed = new boolean[CAPACITY];
    private long windowNanos;
    private int oldest;
    private int size;

    FrameWindow(long windowNanos) {
        window(windowNanos);
    }

    synchronized void window(long nanos) {
        if (nanos <= 0) {
            throw new IllegalArgumentException("the window must be positive, got " + nanos + " ns");
        }
        windowNanos = nanos;
    }

    /** @param latencyNanos arrival to end of an answered frame; negative when the frame was not answered */
    synchronized void record(long endNanos, long latencyNanos, boolean miss) {
        if (size == CAPACITY) {
            oldest = (oldest + 1) % CAPACITY;
            size--;
        }
        int slot = (oldest + size) % CAPACITY;
        endedAt[slot] = endNanos;
        latencies[slot] = latencyNanos;
        missed[slot] = miss;
        size++;
    }

    synchronized Reading read(long nowNanos) {
        while (size > 0 && nowNanos - endedAt[oldest] >= windowNanos) {
            oldest = (oldest + 1) % CAPACITY;
            size--;
        }
        int misses = 0;
        int answered = 0;
        long[] answeredLatencies = new long[size];
        for (int i = 0; i < size; i++) {
            int slot = (oldest + i) % CAPACITY;
            if (missed[slot]) {
                misses++;
            }
            if (latencies[slot] >= 0) {
                answeredLatencies[answered++] = latencies[slot];
            }
        }
        return new Reading(size, misses, Stats.percentile(answeredLatencies, answered, 0.95) / 1e6,
            Stats.percentile(answeredLatencies, answered, 0.99) / 1e6);
    }
}
