package io.dynofa.reporter.internal;

/**
 * The time {@link ReportLoop} reads and the delayed tasks it runs: the real one is {@link DaemonReportClock}; a
 * test steps a manual one by hand.
 */
interface ReportClock extends AutoCloseable {

    /** A monotonic time, nanoseconds (as {@link System#nanoTime()}). */
    long nanoTime();

    /** Runs {@code task} once, {@code delayNanos} from now (as soon as possible when not positive). */
    void schedule(Runnable task, long delayNanos);

    /** Runs no further task. */
    @Override
    void close();
}
