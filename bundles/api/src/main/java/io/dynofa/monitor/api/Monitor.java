package io.dynofa.monitor.api;

import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source of runtime signals (latency, CPU load, memory, ...). The manager samples every bound
 * monitor off the inference path, once per decision, and merges the readings into {@link Signals}.
 */
@ConsumerType
public interface Monitor {

    /** Short name, e.g. {@code cpu-load}. */
    String name();

    /** Empty when the monitor can read its source on this host; otherwise why not. Never fake a value. */
    Optional<String> unavailableReason();

    /** Current readings by metric name; empty when nothing is known yet. Must not block for long. */
    Map<String, Double> read();
}
