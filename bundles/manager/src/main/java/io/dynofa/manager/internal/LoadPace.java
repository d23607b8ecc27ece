package io.dynofa.manager.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How hard a load may use the processor. Until a deployment serves, it loads {@link #FULL full} speed: the sooner
 * it serves, the better. Once it serves, a load (another backend's levels, a replaced set) runs in the background
 * and {@link #YIELDING yields}: after each session it opens and each run it times it rests as long as that took
 * (at least {@value #MIN_REST_MICROS} µs), so it uses at most about half of a core's time and the serving threads,
 * its own and other deployments', get the processor between its runs.
 */
final class LoadPace {
    static final long MIN_REST_MICROS = 200;
    static final LoadPace FULL = new LoadPace(false);
    static final LoadPace YIELDING = new LoadPace(true);

    private final boolean yielding;

    private LoadPace(boolean yielding) {
        this.yielding = yielding;
    }

    boolean yielding() {
        return yielding;
    }

    /** Rests after {@code workedNanos} of work, when yielding. */
    void rest(long workedNanos) {
        if (!yielding) {
            return;
        }
        long until = System.nanoTime() + Math.max(workedNanos, TimeUnit.MICROSECONDS.toNanos(MIN_REST_MICROS));
        for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
