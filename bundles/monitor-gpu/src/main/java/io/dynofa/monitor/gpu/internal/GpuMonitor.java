package io.dynofa.monitor.gpu.internal;

import io.dynofa.monitor.api.Monitor;
import io.dynofa.monitor.common.internal.SamplingMonitor;
import io.dynofa.monitor.common.internal.Schedule;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Monitor {@code gpu}: utilisation, memory and temperature of the NVIDIA GPUs, sampled off the decision
 * path by running nvidia-smi periodically. Unavailable, saying why, where nvidia-smi is missing or fails
 * (no driver, no GPU).
 */
@Component(service = Monitor.class, configurationPid = GpuMonitor.PID)
@Designate(ocd = GpuMonitorConfig.class)
public final class GpuMonitor extends SamplingMonitor {
    static final String PID = "io.dynofa.monitor.gpu";
    static final String NAME = "gpu";

    @Activate
    public GpuMonitor(GpuMonitorConfig config) {
        super(NAME, Schedule.fixedDelay(Math.max(100, config.sampleIntervalMs())),
            new GpuSource(new NvidiaSmi(config.nvidiaSmi(), Math.max(100, config.timeoutMs()))));
    }
}
