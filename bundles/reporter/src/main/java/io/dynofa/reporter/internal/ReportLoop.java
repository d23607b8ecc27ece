package io.dynofa.reporter.internal;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleFunction;

/**
 * Emits one line per period on its {@link ReportClock}, the first one period after {@link #start}, at fixed
 * times from the start (a late line does not delay the next); after the duration runs {@code onFinish} once and
 * no line follows. A line due exactly at the end of the duration is written before it finishes.
 */
final class ReportLoop implements AutoCloseable {
    private final ReportClock clock;
    private final long periodNanos;
    private final DoubleFunction<String> lineAtSeconds;
    private final Consumer<String> out;
    private volatile boolean closed;
    private long startNanos;
    private long durationNanos;

    /**
     * @param clock the time and the thread lines are written on; closed with this loop
     * @param lineAtSeconds the line for a time in seconds since the start
     * @param out where lines go
     */
    ReportLoop(ReportClock clock, long periodMillis, DoubleFunction<String> lineAtSeconds, Consumer<String> out) {
        this.clock = clock;
        if (periodMillis <= 0) {
            throw new IllegalArgumentException("period must be positive: " + periodMillis);
        }
        this.periodNanos = TimeUnit.MILLISECONDS.toNanos(periodMillis);
        this.lineAtSeconds = lineAtSeconds;
        this.out = out;
    }

    void start(double durationSeconds, Runnable onFinish) {
        startNanos = clock.nanoTime();
        durationNanos = Math.round(durationSeconds * 1e9);
        scheduleAfter(1, onFinish);
    }

    /** Schedules line {@code number}, or the finish when that line would come after the duration. */
    private void scheduleAfter(long number, Runnable onFinish) {
        if (closed) {
            return;
        }
        long elapsed = clock.nanoTime() - startNanos;
        long lineDue = number > durationNanos / periodNanos ? Long.MAX_VALUE : number * periodNanos;
        if (lineDue <= durationNanos) {
            clock.schedule(() -> {
                report();
                scheduleAfter(number + 1, onFinish);
            }, lineDue - elapsed);
        } else {
            clock.schedule(() -> finish(onFinish), durationNanos - elapsed);
        }
    }

    private void report() {
        if (closed) {
            return;
        }
        try {
            out.accept(lineAtSeconds.apply((clock.nanoTime() - startNanos) / 1e9));
        } catch (RuntimeException e) {
            System.getLogger(ReportLoop.class.getName()).log(System.Logger.Level.WARNING, "report failed", e);
        }
    }

    private void finish(Runnable onFinish) {
        if (!closed) {
            close();
            onFinish.run();
        }
    }

    @Override
    public void close() {
        closed = true;
        clock.close();
    }
}
