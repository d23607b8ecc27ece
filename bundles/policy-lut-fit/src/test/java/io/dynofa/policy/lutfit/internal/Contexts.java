package io.dynofa.policy.lutfit.internal;

import io.dynofa.monitor.api.Metrics;
import io.dynofa.monitor.api.Signals;
import io.dynofa.policy.api.Level;
import io.dynofa.policy.api.PolicyContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Decision contexts over five levels (0.8, 1.6, 1.9, 2.1, 3.0 ms), a 2 ms target and no accuracy floor. */
final class Contexts {
    static final List<Level> LEVELS = List.of(
        new Level(0, "xs", 70.0, 0.8),
        new Level(1, "s", 73.0, 1.6),
        new Level(2, "m", 75.0, 1.9),
        new Level(3, "l", 77.0, 2.1),
        new Level(4, "xl", 79.0, 3.0));
    static final double TARGET_MS = 2.0;
    static final long LONG_AGO_MS = 60_000;

    private Contexts() {
    }

    static PolicyContext withSlowdown(int current, double slowdown) {
        return context(current, Map.of(Metrics.SLOWDOWN, slowdown), 0, LONG_AGO_MS);
    }

    static PolicyContext context(int current, Map<String, Double> signals, double floor, long sinceSwitchMs) {
        return new PolicyContext(LEVELS, current, TARGET_MS, floor, new Signals(signals, 0),
            TimeUnit.MILLISECONDS.toNanos(sinceSwitchMs));
    }
}
