package io.dynofa.manager.internal;

import io.dynofa.util.internal.DaemonThreads;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One of the manager's threads: serialises the tasks handed to it and, when it has a tick, runs that at a fixed
 * delay. The manager has two, so that loading a family never holds up a decision: one reconciles (and waits for
 * levels to load), the other decides.
 */
final class ManagerThread {
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private final ScheduledExecutorService executor;
    private final Runnable tick;
    private ScheduledFuture<?> ticking;

    /** A thread named {@code name} that only runs what it is handed. */
    ManagerThread(String name) {
        this.executor = DaemonThreads.scheduler(name);
        this.tick = null;
    }

    /** A thread named {@code name} that also runs {@code tick} every {@code intervalMs}. */
    ManagerThread(String name, Runnable tick, long intervalMs) {
        this.executor = DaemonThreads.scheduler(name);
        this.tick = tick;
        reschedule(intervalMs);
    }

    synchronized void reschedule(long intervalMs) {
        if (tick == null) {
            throw new IllegalStateException("this thread has no tick");
        }
        if (ticking != null) {
            ticking.cancel(false);
        }
        ticking = executor.scheduleWithFixedDelay(guarded(tick), intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    void execute(Runnable task) {
        if (!executor.isShutdown()) {
            executor.execute(guarded(task));
        }
    }

    void schedule(Runnable task, long delayMs) {
        if (!executor.isShutdown()) {
            executor.schedule(guarded(task), delayMs, TimeUnit.MILLISECONDS);
        }
    }

    void shutdown() {
        DaemonThreads.stop(executor, STOP_WAIT);
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                System.getLogger(ManagerThread.class.getName()).log(System.Logger.Level.ERROR, "manager task failed", e);
            }
        };
    }
}
