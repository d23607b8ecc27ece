package io.dynofa.monitor.memory.internal;

import io.dynofa.monitor.api.Monitor;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Always available: the heap metrics never fail, so {@link #unavailableReason()} stays empty even on
 * hosts without {@code /proc}, where {@link #read()} holds the heap metrics only.
 */
@Component(service = Monitor.class, configurationPid = MemoryMonitor.PID)
@Designate(ocd = MemoryMonitorConfig.class)
public final class MemoryMonitor implements Monitor {
    static final String PID = "io.dynofa.monitor.memory";
    static final String NAME = "memory";

    private final MemoryReader reader;

    @Activate
    public MemoryMonitor(MemoryMonitorConfig config) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        this.reader = new MemoryReader(memory::getHeapMemoryUsage, Path.of(config.procStatusPath()),
            Path.of(config.meminfoPath()));
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
        return reader.read();
    }
}
