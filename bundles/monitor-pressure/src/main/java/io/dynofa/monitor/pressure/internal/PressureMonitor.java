package io.dynofa.monitor.pressure.internal;

import io.dynofa.monitor.api.Monitor;
import io.dynofa.monitor.common.internal.SamplingMonitor;
import io.dynofa.monitor.common.internal.Schedule;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

@Component(service = Monitor.class, configurationPid = PressureMonitor.PID)
@Designate(ocd = PressureMonitorConfig.class)
public final class PressureMonitor extends SamplingMonitor {
    static final String PID = "io.dynofa.monitor.pressure";
    static final String NAME = "cpu-pressure";

    @Activate
    public PressureMonitor(PressureMonitorConfig config) {
        super(NAME, Schedule.fixedRate(config.sampleIntervalMs()),
            new PressureSource(Path.of(config.pressurePath()), System::nanoTime));
    }
}
