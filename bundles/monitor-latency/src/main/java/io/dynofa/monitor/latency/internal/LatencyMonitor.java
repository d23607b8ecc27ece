package io.dynofa.monitor.latency.internal;

import io.dynofa.config.internal.ConfigReader;
import io.dynofa.config.internal.ConfiguredComponent;
import io.dynofa.config.internal.LiveConfig;
import io.dynofa.monitor.api.InferenceListener;
import io.dynofa.monitor.api.Monitor;
import io.dynofa.runtime.api.Deployments;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Windows over the manager's runs, kept per deployment: {@link #read(String)} answers with one deployment's runs
 * alone, {@link #read()} with the {@link Deployments#DEFAULT default} deployment's, where the runs told without a
 * deployment count too. A modified window size, age or bound starts new, empty windows.
 */
@Component(service = {Monitor.class, InferenceListener.class}, configurationPid = LatencyMonitor.PID)
@Designate(ocd = LatencyMonitorConfig.class)
public final class LatencyMonitor extends ConfiguredComponent<LatencyMonitorConfig, DeploymentWindows>
    implements Monitor, InferenceListener {
    static final String PID = "io.dynofa.monitor.latency";
    static final String NAME = "latency";
    private static final ConfigReader<LatencyMonitorConfig> READER = ConfigReader.of(LatencyMonitorConfig.class);

    @Activate
    public LatencyMonitor(BundleContext context, Map<String, Object> properties) {
        super(new LiveConfig<>(context, PID, READER, properties),
            c -> new DeploymentWindows(c.windowSize(), c.maxAgeMs(), c.maxDeployments(), System::nanoTime));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    /** The default deployment's readings. */
    @Override
    public Map<String, Double> read() {
        return read(Deployments.DEFAULT);
    }

    /** Mean, p95, p99, count and slowdown of {@code deployment}'s runs, and its slowdown per backend. */
    @Override
    public Map<String, Double> read(String deployment) {
        return current().metrics(deployment);
    }

    @Override
    public void inferred(String levelId, long latencyNanos, long profiledNanos) {
        current().of(Deployments.DEFAULT).record(latencyNanos, profiledNanos);
    }

    /** Also keeps the slowdown per backend ({@code latency.slowdown.<backendId>}), of the default deployment. */
    @Override
    public void inferred(String backendId, String levelId, long latencyNanos, long profiledNanos) {
        inferred(Deployments.DEFAULT, backendId, levelId, latencyNanos, profiledNanos);
    }

    @Override
    public void inferred(String deployment, String backendId, String levelId, long latencyNanos,
                         long profiledNanos) {
        current().of(deployment).record(backendId, latencyNanos, profiledNanos);
    }
}
