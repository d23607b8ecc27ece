package io.dynofa.monitor.common.internal;

/**
 * When a {@link PeriodicSampler} samples.
 *
 * @param intervalMs time between samples, milliseconds, at least 1
 * @param firstOnCaller whether the first sample runs on the starting thread, then at a fixed rate (a quick
 *     source), rather than on the sampler thread at once, then {@code intervalMs} after each sample ends
 *     (a slow source)
 */
public record Schedule(long intervalMs, boolean firstOnCaller) {

    public Schedule {
        if (intervalMs < 1) {
            throw new IllegalArgumentException("sampleIntervalMs must be at least 1, got " + intervalMs);
        }
    }

    public static Schedule fixedRate(long intervalMs) {
        return new Schedule(intervalMs, true);
    }

    public static Schedule fixedDelay(long intervalMs) {
        return new Schedule(intervalMs, false);
    }
}
