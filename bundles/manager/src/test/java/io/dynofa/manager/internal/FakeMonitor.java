package io.dynofa.manager.internal;

import io.dynofa.monitor.api.Monitor;
import java.util.Map;
import java.util.Optional;

/** A monitor with fixed readings, optionally unavailable. */
final class FakeMonitor implements Monitor {
    private final String name;
    private final Map<String, Double> readings;
    private final String unavailableReason;

    FakeMonitor(String name, Map<String, Double> readings, String unavailableReason) {
        this.name = name;
        this.readings = Map.copyOf(readings);
        this.unavailableReason = unavailableReason;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailableReason);
    }

    @Override
    public Map<String, Double> read() {
        return readings;
    }
}
