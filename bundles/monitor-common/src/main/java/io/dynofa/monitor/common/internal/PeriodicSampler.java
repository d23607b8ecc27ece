package io.dynofa.monitor.common.internal;

import io.dynofa.util.internal.DaemonThreads;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a {@link Sampler} on its own daemon thread until closed. */
public final class PeriodicSampler implements AutoCloseable {
    private final ScheduledExecutorService executor;

    public PeriodicSampler(String threadName, Sampler sampler, Schedule schedule) {
        long interval = schedule.intervalMs();
        if (schedule.firstOnCaller()) {
            sampler.sample();
        }
        this.executor = DaemonThreads.scheduler(threadName);
        if (schedule.firstOnCaller()) {
            executor.scheduleAtFixedRate(sampler::sample, interval, interval, TimeUnit.MILLISECONDS);
        } else {
            executor.scheduleWithFixedDelay(sampler::sample, 0, interval, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
