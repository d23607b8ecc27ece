package io.dynofa.monitor.cpu.internal;

import io.dynofa.monitor.api.Monitor;
import io.dynofa.monitor.common.internal.SamplingMonitor;
import io.dynofa.monitor.common.internal.Schedule;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

@Component(service = Monitor.class, configurationPid = CpuLoadMonitor.PID)
@Designate(ocd = CpuLoadMonitorConfig.class)
public final class CpuLoadMonitor extends SamplingMonitor {
    static final String PID = "io.dynofa.monitor.cpu";
    static final String NAME = "cpu-load";

    @Activate
    public CpuLoadMonitor(CpuLoadMonitorConfig config) {
        super(NAME, Schedule.fixedRate(config.sampleIntervalMs()), new CpuLoadSource(Path.of(config.procStatPath())));
    }
}
