package io.dynofa.monitor.memory.internal;

import io.dynofa.config.internal.ConfigReader;
import io.dynofa.config.internal.ConfiguredComponent;
import io.dynofa.config.internal.LiveConfig;
import io.dynofa.monitor.api.Monitor;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Always available: the heap metrics never fail, so {@link #unavailableReason()} stays empty even on
 * hosts without {@code /proc}, where {@link #read()} holds the heap metrics only.
 */
@Component(service = Monitor.class, configurationPid = MemoryMonitor.PID)
@Designate(ocd = MemoryMonitorConfig.class)
public final class MemoryMonitor extends ConfiguredComponent<MemoryMonitorConfig, MemoryReader> implements Monitor {
    static final String PID = "io.dynofa.monitor.memory";
    static final String NAME = "memory";
    private static final ConfigReader<MemoryMonitorConfig> READER = ConfigReader.of(MemoryMonitorConfig.class);

    @Activate
    public MemoryMonitor(BundleContext context, Map<String, Object> properties) {
        super(new LiveConfig<>(context, PID, READER, properties), MemoryMonitor::reader);
    }

    private static MemoryReader reader(MemoryMonitorConfig c) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        return new MemoryReader(memory::getHeapMemoryUsage, Path.of(c.procStatusPath()), Path.of(c.meminfoPath()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public Map<String, Double> read() {
        return current().read();
    }
}
