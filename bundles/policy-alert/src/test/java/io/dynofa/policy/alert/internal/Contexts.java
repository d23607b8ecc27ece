package io.dynofa.policy.alert.internal;

import io.dynofa.monitor.api.Metrics;
import io.dynofa.monitor.api.Signals;
import io.dynofa.policy.api.Level;
import io.dynofa.policy.api.PolicyContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Hand-made decision contexts over five levels (0.8, 1.6, 1.9, 2.1, 3.0 ms) and a 2 ms target. */
final class Contexts {
    static final double TARGET_MS = 2.0;
    static final List<Level> LEVELS = List.of(
        new Level(0, "xs", 70.0, 0.8),
        new Level(1, "s", 73.0, 1.6),
        new Level(2, "m", 75.0, 1.9),
        new Level(3, "l", 77.0, 2.1),
        new Level(4, "xl", 79.0, 3.0));

    private int current;
    private double floor;
    private long sinceMs = 60_000;
    private final Map<String, Double> signals = new HashMap<>();

    static Contexts at(int current) {
        Contexts c = new Contexts();
        c.current = current;
        return c;
    }

    Contexts slowdown(double factor) {
        signals.put(Metrics.SLOWDOWN, factor);
        return this;
    }

    Contexts mean(double ms) {
        signals.put(Metrics.LATENCY_MEAN_MS, ms);
        return this;
    }

    Contexts floor(double top1) {
        floor = top1;
        return this;
    }

    Contexts sinceSwitchMs(long ms) {
        sinceMs = ms;
        return this;
    }

    PolicyContext build() {
        return new PolicyContext(LEVELS, current, TARGET_MS, floor, new Signals(signals, 0),
            TimeUnit.MILLISECONDS.toNanos(sinceMs));
    }
}
