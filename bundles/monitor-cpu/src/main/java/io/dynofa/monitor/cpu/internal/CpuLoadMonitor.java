package io.dynofa.monitor.cpu.internal;

import io.dynofa.config.internal.ConfigReader;
import io.dynofa.config.internal.LiveConfig;
import io.dynofa.monitor.api.Monitor;
import io.dynofa.monitor.common.internal.SamplingMonitor;
import io.dynofa.monitor.common.internal.Schedule;
import java.nio.file.Path;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

@Component(service = Monitor.class, configurationPid = CpuLoadMonitor.PID)
@Designate(ocd = CpuLoadMonitorConfig.class)
public final class CpuLoadMonitor extends SamplingMonitor<CpuLoadMonitorConfig> {
    static final String PID = "io.dynofa.monitor.cpu";
    static final String NAME = "cpu-load";
    private static final ConfigReader<CpuLoadMonitorConfig> READER = ConfigReader.of(CpuLoadMonitorConfig.class);

    @Activate
    public CpuLoadMonitor(BundleContext context, Map<String, Object> properties) {
        super(NAME, new LiveConfig<>(context, PID, READER, properties), c -> new Sampling(
            Schedule.fixedRate(c.sampleIntervalMs()), new CpuLoadSource(Path.of(c.procStatPath()))));
    }
}
