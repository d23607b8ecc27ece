package io.dynofa.monitor.cpu.internal;

import io.dynofa.monitor.api.Monitor;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

@Component(service = Monitor.class, configurationPid = CpuLoadMonitor.PID)
@Designate(ocd = CpuLoadMonitorConfig.class)
public final class CpuLoadMonitor implements Monitor {
    static final String PID = "io.dynofa.monitor.cpu";
    static final String NAME = "cpu-load";

    private final CpuLoadSampler sampler;
    private final ScheduledExecutorService executor;

    @Activate
    public CpuLoadMonitor(CpuLoadMonitorConfig config) {
        if (config.sampleIntervalMs() < 1) {
            throw new IllegalArgumentException("sampleIntervalMs must be at least 1, got " + config.sampleIntervalMs());
        }
        this.sampler = new CpuLoadSampler(Path.of(config.procStatPath()));
        sampler.sample();
        this.executor = Executors.newSingleThreadScheduledExecutor(CpuLoadMonitor::samplerThread);
        executor.scheduleAtFixedRate(sampler::sample, config.sampleIntervalMs(), config.sampleIntervalMs(),
            TimeUnit.MILLISECONDS);
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
        return sampler.unavailableReason();
    }

    @Override
    public Map<String, Double> read() {
        return sampler.read();
    }

    private static Thread samplerThread(Runnable task) {
        Thread thread = new Thread(task, "dynofa-cpu-load-sampler");
        thread.setDaemon(true);
        return thread;
    }
}
