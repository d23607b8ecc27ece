package io.dynofa.monitor.pressure.internal;

import java.util.Map;
import java.util.Optional;

/** The latest sample: the metrics, or why there are none. */
record PressureReading(Map<String, Double> metrics, Optional<String> unavailableReason) {

    PressureReading {
        metrics = Map.copyOf(metrics);
    }

    static PressureReading of(Map<String, Double> metrics) {
        return new PressureReading(metrics, Optional.empty());
    }

    static PressureReading unavailable(String reason) {
        return new PressureReading(Map.of(), Optional.of(reason));
    }
}
