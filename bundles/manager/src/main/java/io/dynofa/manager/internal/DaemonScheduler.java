package io.dynofa.manager.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/** Named daemon threads for the manager's executors, and their orderly stop. */
final class DaemonScheduler {

    private DaemonScheduler() {
    }

    /** A single named daemon thread that runs scheduled tasks. */
    static ScheduledExecutorService named(String name) {
        return Executors.newSingleThreadScheduledExecutor(daemonThreads(name));
    }

    /** Daemon threads, all named {@code name}. */
    static ThreadFactory daemonThreads(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Interrupts the running task, drops the queued ones and waits up to 5 s for the thread to end. */
    static void stop(ScheduledExecutorService executor) {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
