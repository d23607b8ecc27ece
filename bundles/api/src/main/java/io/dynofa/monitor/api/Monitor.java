package io.dynofa.monitor.api;

import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source of runtime signals (latency, CPU load, memory, ...). The manager samples every bound
 * monitor off the inference path, once per decision of each deployment, and merges the readings into that
 * deployment's {@link Signals}.
 */
@ConsumerType
public interface Monitor {

    /** Short name, e.g. {@code cpu-load}. */
    String name();

    /** Empty when the monitor can read its source on this host; otherwise why not. Never fake a value. */
    Optional<String> unavailableReason();

    /** Current readings by metric name; empty when nothing is known yet. Must not block for long. */
    Map<String, Double> read();

    /**
     * Current readings as seen by one deployment; the manager calls this one, for the deployment deciding. A
     * monitor of the machine (CPU load, memory, temperature) answers the same for every deployment: the default
     * returns {@link #read()}. A monitor of one application's requests (its latencies, its frames) answers with
     * that deployment's readings alone, and an empty map for a deployment it knows nothing of. Must not block for
     * long.
     *
     * @param deployment the deployment's name ({@link io.dynofa.runtime.api.Deployments#PROPERTY} of its services;
     *     {@link io.dynofa.runtime.api.Deployments#DEFAULT} for the single-deployment runtime)
     * @since 1.3
     */
    default Map<String, Double> read(String deployment) {
        return read();
    }
}
