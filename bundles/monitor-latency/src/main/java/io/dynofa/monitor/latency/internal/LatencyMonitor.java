package io.dynofa.monitor.latency.internal;

import io.dynofa.config.internal.ConfigReader;
import io.dynofa.config.internal.ConfiguredComponent;
import io.dynofa.config.internal.LiveConfig;
import io.dynofa.monitor.api.InferenceListener;
import io.dynofa.monitor.api.Monitor;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/** Windows over the manager's runs; a modified window size or age starts new, empty windows. */
@Component(service = {Monitor.class, InferenceListener.class}, configurationPid = LatencyMonitor.PID)
@Designate(ocd = LatencyMonitorConfig.class)
public final class LatencyMonitor extends ConfiguredComponent<LatencyMonitorConfig, LatencyMonitor.Windows>
    implements Monitor, InferenceListener {
    static final String PID = "io.dynofa.monitor.latency";
    static final String NAME = "latency";
    private static final ConfigReader<LatencyMonitorConfig> READER = ConfigReader.of(LatencyMonitorConfig.class);

    /** The window over every run and the ones per backend, of one configuration. */
    record Windows(LatencyWindow all, BackendWindows backends) {
        Windows(LatencyMonitorConfig c) {
            this(new LatencyWindow(c.windowSize(), c.maxAgeMs(), System::nanoTime),
                new BackendWindows(c.windowSize(), c.maxAgeMs(), System::nanoTime));
        }
    }

    @Activate
    public LatencyMonitor(BundleContext context, Map<String, Object> properties) {
        super(new LiveConfig<>(context, PID, READER, properties), Windows::new);
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
        Windows now = current();
        Map<String, Double> all = new HashMap<>(now.all().metrics());
        all.putAll(now.backends().slowdowns());
        return all;
    }

    @Override
    public void inferred(String levelId, long latencyNanos, long profiledNanos) {
        current().all().record(latencyNanos, profiledNanos);
    }

    /** Also keeps the slowdown per backend ({@code latency.slowdown.<backendId>}). */
    @Override
    public void inferred(String backendId, String levelId, long latencyNanos, long profiledNanos) {
        Windows now = current();
        now.all().record(latencyNanos, profiledNanos);
        now.backends().record(backendId, latencyNanos, profiledNanos);
    }
}
