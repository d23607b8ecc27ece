package io.dynofa.util.internal;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads (they never keep the JVM alive), each with a name that says whose it is: the one way the
 * bundles make their threads.
 */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /** Daemon threads named {@code name-1}, {@code name-2}, ... in the order the factory makes them. */
    public static ThreadFactory factory(String name) {
        AtomicInteger made = new AtomicInteger();
        return task -> create(name + "-" + made.incrementAndGet(), task);
    }

    /**
     * A single daemon thread named {@code name} (exactly: there is one at a time) running scheduled and submitted
     * tasks in order.
     */
    public static ScheduledExecutorService scheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(task -> create(name, task));
    }

    /** A daemon thread named {@code name} running {@code task}, not yet started. */
    public static Thread create(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** A daemon thread named {@code name} running {@code task}, started. */
    public static Thread start(String name, Runnable task) {
        Thread thread = create(name, task);
        thread.start();
        return thread;
    }

    /**
     * Interrupts the running task, drops the queued ones and waits up to {@code wait} for the threads to end.
     *
     * @return true when the executor has terminated (false after the wait, or when the caller is interrupted,
     *     whose interrupt is kept)
     */
    public static boolean stop(ExecutorService executor, Duration wait) {
        executor.shutdownNow();
        try {
            return executor.awaitTermination(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
