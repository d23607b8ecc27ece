package io.dynofa.monitor.pressure.internal;

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

@Component(service = Monitor.class, configurationPid = PressureMonitor.PID)
@Designate(ocd = PressureMonitorConfig.class)
public final class PressureMonitor extends SamplingMonitor<PressureMonitorConfig> {
    static final String PID = "io.dynofa.monitor.pressure";
    static final String NAME = "cpu-pressure";
    private static final ConfigReader<PressureMonitorConfig> READER = ConfigReader.of(PressureMonitorConfig.class);

    @Activate
    public PressureMonitor(BundleContext context, Map<String, Object> properties) {
        super(NAME, new LiveConfig<>(context, PID, READER, properties), c -> new Sampling(
            Schedule.fixedRate(c.sampleIntervalMs()), new PressureSource(Path.of(c.pressurePath()), System::nanoTime)));
    }
}
