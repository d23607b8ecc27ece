package io.dynofa.monitor.thermal.internal;

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

@Component(service = Monitor.class, configurationPid = ThermalMonitor.PID)
@Designate(ocd = ThermalMonitorConfig.class)
public final class ThermalMonitor extends SamplingMonitor<ThermalMonitorConfig> {
    static final String PID = "io.dynofa.monitor.thermal";
    static final String NAME = "thermal";
    private static final ConfigReader<ThermalMonitorConfig> READER = ConfigReader.of(ThermalMonitorConfig.class);

    @Activate
    public ThermalMonitor(BundleContext context, Map<String, Object> properties) {
        super(NAME, new LiveConfig<>(context, PID, READER, properties), c -> new Sampling(
            Schedule.fixedRate(c.sampleIntervalMs()), new ThermalSource(Path.of(c.thermalDir()))));
    }
}
