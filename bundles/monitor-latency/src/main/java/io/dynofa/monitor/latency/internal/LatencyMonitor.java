package io.dynofa.monitor.latency.internal;

import io.dynofa.monitor.api.InferenceListener;
import io.dynofa.monitor.api.Monitor;
import java.util.HashMap;
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
    private final BackendWindows backends;

    @Activate
    public LatencyMonitor(LatencyMonitorConfig config) {
        this.window = new LatencyWindow(config.windowSize(), config.maxAgeMs(), System::nanoTime);
        this.backends = new BackendWindows(config.windowSize(), config.maxAgeMs(), System::nanoTime);
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
        Map<String, Double> all = new HashMap<>(window.metrics());
        all.putAll(backends.slowdowns());
        return all;
    }

    @Override
    public void inferred(String levelId, long latencyNanos, long profiledNanos) {
        window.record(latencyNanos, profiledNanos);
    }

    /** Also keeps the slowdown per backend ({@code latency.slowdown.<backendId>}). */
    @Override
    public void inferred(String backendId, String levelId, long latencyNanos, long profiledNanos) {
        window.record(latencyNanos, profiledNanos);
        backends.record(backendId, latencyNanos, profiledNanos);
    }
}
