package io.dynofa.monitor.gpu.internal;

import io.dynofa.monitor.api.Monitor;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Monitor {@code gpu}: utilisation, memory and temperature of the NVIDIA GPUs, sampled off the decision
 * path by running nvidia-smi periodically. Unavailable, saying why, where nvidia-smi is missing or fails
 * (no driver, no GPU).
 */
@Component(service = Monitor.class, configurationPid = GpuMonitor.PID)
@Designate(ocd = GpuMonitorConfig.class)
public final class GpuMonitor implements Monitor {
    static final String PID = "io.dynofa.monitor.gpu";
    static final String NAME = "gpu";

    private final GpuSampler sampler;
    private final ScheduledExecutorService executor;

    @Activate
    public GpuMonitor(GpuMonitorConfig config) {
        long interval = Math.max(100, config.sampleIntervalMs());
        this.sampler = new GpuSampler(new NvidiaSmi(config.nvidiaSmi(), Math.max(100, config.timeoutMs())));
        this.executor = Executors.newSingleThreadScheduledExecutor(GpuMonitor::samplerThread);
        executor.scheduleWithFixedDelay(sampler::sample, 0, interval, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> unavailableReason() {
        return sampler.latest().unavailableReason();
    }

    @Override
    public Map<String, Double> read() {
        return sampler.latest().metrics();
    }

    private static Thread samplerThread(Runnable task) {
        Thread thread = new Thread(task, "dynofa-gpu-sampler");
        thread.setDaemon(true);
        return thread;
    }
}
