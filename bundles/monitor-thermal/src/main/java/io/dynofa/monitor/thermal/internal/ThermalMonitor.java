package io.dynofa.monitor.thermal.internal;

import io.dynofa.monitor.api.Monitor;
import io.dynofa.monitor.common.internal.SamplingMonitor;
import io.dynofa.monitor.common.internal.Schedule;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

@Component(service = Monitor.class, configurationPid = ThermalMonitor.PID)
@Designate(ocd = ThermalMonitorConfig.class)
public final class ThermalMonitor extends SamplingMonitor {
    static final String PID = "io.dynofa.monitor.thermal";
    static final String NAME = "thermal";

    @Activate
    public ThermalMonitor(ThermalMonitorConfig config) {
        super(NAME, Schedule.fixedRate(config.sampleIntervalMs()), new ThermalSource(Path.of(config.thermalDir())));
    }
}
