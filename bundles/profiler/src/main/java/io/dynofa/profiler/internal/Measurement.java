package io.dynofa.profiler.internal;

import io.dynofa.backend.api.BackendException;
import io.dynofa.util.internal.Stats;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * How one candidate is timed: untimed warm-up runs, then rounds of timed runs until the median of
 * the last round is within {@code tolerance} of the round before (after at least {@code minRounds}),
 * or {@code maxRounds} or {@code budgetNanos} are reached. A round is sized from the warm-up so that it
 * lasts about {@code roundNanos}, between {@code minRoundRuns} and {@code maxRoundRuns} runs.
 */
record Measurement(int warmupRuns, long roundNanos, int minRoundRuns, int maxRoundRuns, int minRounds,
                   int maxRounds, double tolerance, long budgetNanos) {

    /** Until stable: 2 % between the medians of the last two rounds of ~0.1 s, at most ~4 s a candidate. */
    static final Measurement FULL = new Measurement(50, 100_000_000L, 20, 1_000, 3, 30, 0.02, 4_000_000_000L);

    /** A smoke run: 10 warm-up runs, then two rounds of 30 timed runs, no stability check. */
    static final Measurement QUICK = new Measurement(10, 0, 30, 30, 2, 2, Double.POSITIVE_INFINITY, Long.MAX_VALUE);

    /** One run of the model; returns its wall time in nanoseconds. */
    @FunctionalInterface
    interface Run {
        long nanos() throws BackendException;
    }

    /** The timed runs and how the measurement ended. */
    record Samples(long[] nanos, int rounds, boolean stable) {
    }

    static Measurement of(boolean quick) {
        return quick ? QUICK : FULL;
    }

    Samples measure(Run run, LongSupplier clock) throws BackendException {
        long start = clock.getAsLong();
        long warmNanos = 0;
        for (int i = 0; i < warmupRuns; i++) {
            warmNanos += run.nanos();
        }
        int roundRuns = roundRuns(warmupRuns == 0 ? 0 : warmNanos / warmupRuns);
        long[] times = new long[roundRuns * maxRounds];
        int n = 0;
        int rounds = 0;
        double previous = Double.NaN;
        boolean stable = false;
        while (rounds < maxRounds) {
            for (int i = 0; i < roundRuns; i++) {
                times[n++] = run.nanos();
            }
            rounds++;
            double median = Stats.median(times, n - roundRuns, n);
            stable = rounds >= 2 && Math.abs(median - previous) <= tolerance * previous;
            if (rounds >= minRounds && stable || clock.getAsLong() - start >= budgetNanos) {
                break;
            }
            previous = median;
        }
        return new Samples(Arrays.copyOf(times, n), rounds, stable);
    }

    int roundRuns(long perRunNanos) {
        if (perRunNanos <= 0 || roundNanos <= 0) {
            return minRoundRuns;
        }
        long runs = roundNanos / perRunNanos;
        return (int) Math.max(minRoundRuns, Math.min(maxRoundRuns, runs));
    }
}
