package io.dynofa.monitor.latency.internal;

import io.dynofa.monitor.api.InferenceListener;
import io.dynofa.monitor.api.Monitor;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

@Component(service = {Monitor.class, InferenceListener.class}, configurationPid = LatencyMonitor.PID)
@Designate(ocd = LatencyMonitorConfig.class)
public final class LatencyMonitor implements Monitor, InferenceListener {
    static final String PID = "io.dynofa.monitor.latency";
    static final String NAME = "latency";

    private final LatencyWindow window;

    @Activate
    public LatencyMonitor(LatencyMonitorConfig config) {
        this.window = new LatencyWindow(config.windowSize(), config.maxAgeMs(), System::nanoTime);
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
        return window.metrics();
    }

    @Override
    public void inferred(String levelId, long latencyNanos, long profiledNanos) {
        window.record(latencyNanos, profiledNanos);
    }
}
