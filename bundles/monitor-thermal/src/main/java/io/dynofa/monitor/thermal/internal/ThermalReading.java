package io.dynofa.monitor.thermal.internal;

import java.util.Map;
import java.util.Optional;

/** The latest sample: the metrics, or why there are none. */
record ThermalReading(Map<String, Double> metrics, Optional<String> unavailableReason) {

    ThermalReading {
        metrics = Map.copyOf(metrics);
    }

    static ThermalReading of(Map<String, Double> metrics) {
        return new ThermalReading(metrics, Optional.empty());
    }

    static ThermalReading unavailable(String reason) {
        return new ThermalReading(Map.of(), Optional.of(reason));
    }
}
