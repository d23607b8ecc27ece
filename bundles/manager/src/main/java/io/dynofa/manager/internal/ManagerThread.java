package io.dynofa.manager.internal;

import io.dynofa.util.internal.DaemonThreads;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The manager's one thread: serialises reconciles and the periodic decision. */
final class ManagerThread {
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private final ScheduledExecutorService executor = DaemonThreads.scheduler("dynofa-manager");
    private final Runnable tick;
    private ScheduledFuture<?> ticking;

    ManagerThread(Runnable tick, long intervalMs) {
        this.tick = tick;
        reschedule(intervalMs);
    }

    synchronized void reschedule(long intervalMs) {
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
