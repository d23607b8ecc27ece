package io.dynofa.monitor.gpu.internal;

import io.dynofa.config.internal.ConfigReader;
import io.dynofa.config.internal.LiveConfig;
import io.dynofa.monitor.api.Monitor;
import io.dynofa.monitor.common.internal.SamplingMonitor;
import io.dynofa.monitor.common.internal.Schedule;
import java.util.Map;
import org.osgi.framework.BundleContext;
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
public final class GpuMonitor extends SamplingMonitor<GpuMonitorConfig> {
    static final String PID = "io.dynofa.monitor.gpu";
    static final String NAME = "gpu";
    private static final ConfigReader<GpuMonitorConfig> READER = ConfigReader.of(GpuMonitorConfig.class);

    @Activate
    public GpuMonitor(BundleContext context, Map<String, Object> properties) {
        super(NAME, new LiveConfig<>(context, PID, READER, properties), c -> new Sampling(
            Schedule.fixedDelay(c.sampleIntervalMs()), new GpuSource(new NvidiaSmi(c.nvidiaSmi(), c.timeoutMs()))));
    }
}
