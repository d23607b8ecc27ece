package io.dynofa.monitor.common.internal;

import java.util.Map;
import java.util.Optional;

/** What one sample found: the metrics, or why there are none. */
public record Reading(Map<String, Double> metrics, Optional<String> unavailableReason) {

    public Reading {
        metrics = Map.copyOf(metrics);
    }

    public static Reading of(Map<String, Double> metrics) {
        return new Reading(metrics, Optional.empty());
    }

    public static Reading unavailable(String reason) {
        return new Reading(Map.of(), Optional.of(reason));
    }
}
