package io.dynofa.monitor.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every model run the manager makes. Called on the inference thread: implementations must
 * be lock-free, allocation-free and must not throw. The manager calls the most specific method,
 * {@link #inferred(String, String, String, long, long)}; each less specific one is what a listener of an
 * older version implements, reached through the defaults.
 */
@ConsumerType
public interface InferenceListener {

    /**
     * @param levelId the level that ran
     * @param latencyNanos measured wall time of the run
     * @param profiledNanos the level's profiled latency on this backend (0 when unknown)
     */
    void inferred(String levelId, long latencyNanos, long profiledNanos);

    /**
     * The same, naming the device backend that ran it; the manager calls this one. The default forgets
     * the backend and calls {@link #inferred(String, long, long)}, so listeners written for 1.0 still work.
     *
     * @param backendId the backend that ran the level
     * @since 1.1
     */
    default void inferred(String backendId, String levelId, long latencyNanos, long profiledNanos) {
        inferred(levelId, latencyNanos, profiledNanos);
    }

    /**
     * The same, naming the deployment whose request it was; the manager calls this one. The default forgets the
     * deployment and calls {@link #inferred(String, String, long, long)}, so listeners written for 1.2 still work.
     * A listener that keeps something per deployment must bound how many it keeps: the names come from
     * configuration.
     *
     * @param deployment the deployment that ran the level ({@link io.dynofa.runtime.api.Deployments#PROPERTY} of
     *     its services; {@link io.dynofa.runtime.api.Deployments#DEFAULT} for the single-deployment runtime)
     * @since 1.3
     */
    default void inferred(String deployment, String backendId, String levelId, long latencyNanos,
                          long profiledNanos) {
        inferred(backendId, levelId, latencyNanos, profiledNanos);
    }
}
