package io.dynofa.health.internal;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts over the last minute, in one-second slots: how many (runs, frames) and how many of them were within
 * their bound. Adding is lock-free and allocation-free; a slot is reset by the first add of a new second (an add
 * racing that reset may be lost: these are health readings, not accounts).
 */
final class MinuteCounts {
    static final int SECONDS = 60;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NEVER = Long.MIN_VALUE;

    private final AtomicLongArray second = new AtomicLongArray(SECONDS);
    private final AtomicLongArray total = new AtomicLongArray(SECONDS);
    private final AtomicLongArray within = new AtomicLongArray(SECONDS);

    MinuteCounts() {
        for (int i = 0; i < SECONDS; i++) {
            second.set(i, NEVER);
        }
    }

    /** Adds {@code count} items, {@code withinBound} of them within their bound, at {@code nanoTime}. */
    void add(long nanoTime, long count, long withinBound) {
        long now = Math.floorDiv(nanoTime, NANOS_PER_SECOND);
        int slot = Math.floorMod(now, SECONDS);
        long held = second.get(slot);
        if (held != now && second.compareAndSet(slot, held, now)) {
            total.set(slot, 0);
            within.set(slot, 0);
        }
        total.addAndGet(slot, count);
        within.addAndGet(slot, withinBound);
    }

    /** The counts of the minute up to {@code nanoTime}. */
    Share lastMinute(long nanoTime) {
        long now = Math.floorDiv(nanoTime, NANOS_PER_SECOND);
        long all = 0;
        long ok = 0;
        for (int slot = 0; slot < SECONDS; slot++) {
            long held = second.get(slot);
            if (held != NEVER && held > now - SECONDS && held <= now) {
                all += total.get(slot);
                ok += within.get(slot);
            }
        }
        return new Share(all, ok);
    }

    /** How many items, and how many within their bound. */
    record Share(long total, long within) {
        double fraction() {
            return total == 0 ? 1 : (double) within / total;
        }
    }
}
