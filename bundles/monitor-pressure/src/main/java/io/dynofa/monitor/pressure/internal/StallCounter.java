package io.dynofa.monitor.pressure.internal;

import java.util.OptionalDouble;

/**
 * The stall-time counter at one instant.
 *
 * @param totalMicros stalled time since boot, microseconds
 * @param nanoTime when it was read, {@link System#nanoTime()} scale
 */
record StallCounter(long totalMicros, long nanoTime) {
    private static final double NANOS_PER_MICRO = 1000;

    /** Stalled share of the time since {@code earlier}, 0..1; empty when no time passed or the counter went back. */
    OptionalDouble stalledShareSince(StallCounter earlier) {
        long elapsedNanos = nanoTime - earlier.nanoTime;
        long stalledMicros = totalMicros - earlier.totalMicros;
        if (elapsedNanos <= 0 || stalledMicros < 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.min(1.0, stalledMicros * NANOS_PER_MICRO / elapsedNanos));
    }
}
