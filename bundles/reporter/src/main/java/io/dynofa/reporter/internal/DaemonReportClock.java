package io.dynofa.reporter.internal;

import io.dynofa.util.internal.DaemonThreads;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** {@link System#nanoTime()} and one daemon thread that runs the tasks. */
final class DaemonReportClock implements ReportClock {
    private final ScheduledThreadPoolExecutor executor;

    DaemonReportClock(String threadName) {
        executor = new ScheduledThreadPoolExecutor(1, task -> DaemonThreads.create(threadName, task));
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void schedule(Runnable task, long delayNanos) {
        try {
            executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // closed: nothing more runs
        }
    }

    /** Drops the tasks not yet due; one already running (possibly the caller) completes. */
    @Override
    public void close() {
        executor.shutdown();
    }
}
