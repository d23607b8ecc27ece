package io.dynofa.monitor.thermal.internal;

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

@Component(service = Monitor.class, configurationPid = ThermalMonitor.PID)
@Designate(ocd = ThermalMonitorConfig.class)
public final class ThermalMonitor implements Monitor {
    static final String PID = "io.dynofa.monitor.thermal";
    static final String NAME = "thermal";

    private final ThermalSampler sampler;
    private final ScheduledExecutorService executor;

    @Activate
    public ThermalMonitor(ThermalMonitorConfig config) {
        if (config.sampleIntervalMs() < 1) {
            throw new IllegalArgumentException("sampleIntervalMs must be at least 1, got " + config.sampleIntervalMs());
        }
        this.sampler = new ThermalSampler(Path.of(config.thermalDir()));
        sampler.sample();
        this.executor = Executors.newSingleThreadScheduledExecutor(ThermalMonitor::samplerThread);
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
        return sampler.latest().unavailableReason();
    }

    @Override
    public Map<String, Double> read() {
        return sampler.latest().metrics();
    }

    private static Thread samplerThread(Runnable task) {
        Thread thread = new Thread(task, "dynofa-thermal-sampler");
        thread.setDaemon(true);
        return thread;
    }
}
