package io.dynofa.monitor.common.internal;

import java.io.IOException;

/** Keeps a source's latest reading; {@link #sample()} runs on one thread, {@link #latest()} on any. */
public final class Sampler {
    private final ReadingSource source;
    private volatile Reading latest;

    public Sampler(ReadingSource source) {
        this(source, Reading.unavailable("not sampled yet"));
    }

    /** A sampler whose latest reading is {@code initial} until the first sample. */
    public Sampler(ReadingSource source, Reading initial) {
        this.source = source;
        this.latest = initial;
    }

    /** Replaces the latest reading; never throws. A failed read makes it unavailable, saying why. */
    public void sample() {
        try {
            latest = source.read();
        } catch (IOException | RuntimeException e) {
            source.forget();
            latest = Reading.unavailable(source.unavailableReason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Reading latest() {
        return latest;
    }
}
