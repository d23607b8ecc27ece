package io.dynofa.monitor.api;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * An immutable snapshot of every available monitor's readings, keyed by metric name (see
 * {@link Metrics}). A metric whose monitor is absent or unavailable is simply missing.
 *
 * @param values metric name to value
 * @param nanoTime {@link System#nanoTime()} when the snapshot was taken
 */
public record Signals(Map<String, Double> values, long nanoTime) {

    public Signals {
        values = Map.copyOf(values);
    }

    public static Signals empty() {
        return new Signals(Map.of(), System.nanoTime());
    }

    public OptionalDouble get(String metric) {
        Double v = values.get(metric);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    public double get(String metric, double fallback) {
        return values.getOrDefault(metric, fallback);
    }
}
