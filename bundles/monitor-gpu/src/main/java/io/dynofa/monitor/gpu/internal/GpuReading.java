package io.dynofa.monitor.gpu.internal;

import java.util.Map;
import java.util.Optional;

/** What one sample found: metrics, or why there are none. */
record GpuReading(Map<String, Double> metrics, Optional<String> unavailableReason) {

    GpuReading {
        metrics = Map.copyOf(metrics);
    }

    static GpuReading of(Map<String, Double> metrics) {
        return new GpuReading(metrics, Optional.empty());
    }

    static GpuReading unavailable(String reason) {
        return new GpuReading(Map.of(), Optional.of(reason));
    }
}
