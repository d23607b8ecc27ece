package io.dynofa.policy.paperstep.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The latencies of the last {@code size} runs of one level (the level serving now): a fixed ring of longs.
 *
 * <p>The decision thread chooses the level the window follows ({@link #follow}); that restarts the window
 * empty. Runs of every other level are ignored, so runs still in flight on the level just left never count
 * for the next one, and a level change the policy did not make (a pin, another backend) restarts the window
 * at the next decision.
 *
 * <p>{@link #record} is lock-free and allocation-free, safe from any number of inference threads. It is
 * not atomic with {@link #follow} or {@link #mean}: a run that passed the level check just before a restart
 * may count in the new window, and a reader may see a slot whose writer has claimed it but not yet written
 * it (its previous latency, or 0 after a restart of a never-filled ring). Every latency counted is one of
 * the ring's last {@code size} writes.
 */
final class LevelLatencyWindow {
    /**
     * The level a window follows ({@code backendId} {@code ""}: on any backend); {@code start} is the write count
     * at which it began to follow it.
     */
    private record Following(String backendId, String levelId, long start) {
        /** A run whose backend is not said ({@code ""}) counts for the level on any backend. */
        boolean matches(String backend, String level) {
            return levelId.equals(level) && (backendId.isEmpty() || backend.isEmpty() || backendId.equals(backend));
        }
    }

    private final int size;
    private final AtomicLongArray latencies;
    private final AtomicLong writes = new AtomicLong();
    private volatile Following following;

    LevelLatencyWindow(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("window must hold at least 1 run, got " + size);
        }
        this.size = size;
        this.latencies = new AtomicLongArray(size);
    }

    int size() {
        return size;
    }

    /** Counts a run when it is of the level followed; never throws. */
    void record(String backendId, String levelId, long latencyNanos) {
        Following now = following;
        if (now == null || backendId == null || !now.matches(backendId, levelId)) {
            return;
        }
        latencies.set((int) (writes.getAndIncrement() % size), latencyNanos);
    }

    /**
     * Follows {@code levelId} on {@code backendId} ({@code ""} = any backend) from now on, empty.
     * Called on the decision thread only.
     */
    void follow(String backendId, String levelId) {
        following = new Following(backendId, levelId, writes.get());
    }

    /** Whether the window follows that level (a restart after {@link #clear} or a level change is due if not). */
    boolean follows(String backendId, String levelId) {
        Following now = following;
        return now != null && now.backendId.equals(backendId) && now.levelId.equals(levelId);
    }

    /** Follows nothing until the next {@link #follow}: every run is ignored. */
    void clear() {
        following = null;
    }

    /** Runs counted since the window began to follow its level, at most {@link #size()}. */
    int fill() {
        Following now = following;
        return now == null ? 0 : (int) Math.min(size, writes.get() - now.start);
    }

    /** Mean latency of the runs counted, milliseconds; NaN when none is. */
    double meanMs() {
        Following now = following;
        if (now == null) {
            return Double.NaN;
        }
        long end = writes.get();
        long from = Math.max(now.start, end - size);
        if (end <= from) {
            return Double.NaN;
        }
        double sum = 0;
        for (long i = from; i < end; i++) {
            sum += latencies.get((int) (i % size));
        }
        return sum / (end - from) / 1e6;
    }
}
