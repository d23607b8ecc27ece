package io.dynofa.monitor.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every model run the manager makes. Called on the inference thread: implementations must
 * be lock-free, allocation-free and must not throw.
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
}
