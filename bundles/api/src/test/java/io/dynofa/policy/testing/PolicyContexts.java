package io.dynofa.policy.testing;

import io.dynofa.monitor.api.Metrics;
import io.dynofa.monitor.api.Signals;
import io.dynofa.policy.api.Level;
import io.dynofa.policy.api.PolicyContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Hand-made decision contexts for the policies' tests (the api test-jar): five levels (0.8, 1.6, 1.9, 2.1,
 * 3.0 ms), a 2 ms target, no accuracy floor and the last switch long ago unless set.
 */
public final class PolicyContexts {
    public static final double TARGET_MS = 2.0;
    public static final long LONG_AGO_MS = 60_000;
    public static final List<Level> LEVELS = List.of(
        new Level(0, "xs", 70.0, 0.8),
        new Level(1, "s", 73.0, 1.6),
        new Level(2, "m", 75.0, 1.9),
        new Level(3, "l", 77.0, 2.1),
        new Level(4, "xl", 79.0, 3.0));

    private int current;
    private double floor;
    private long sinceMs = LONG_AGO_MS;
    private final Map<String, Double> signals = new HashMap<>();

    private PolicyContexts() {
    }

    /** A builder of a context whose current level is {@code current}. */
    public static PolicyContexts at(int current) {
        PolicyContexts c = new PolicyContexts();
        c.current = current;
        return c;
    }

    /** At {@code current} with only the observed slowdown signalled. */
    public static PolicyContext withSlowdown(int current, double slowdown) {
        return at(current).slowdown(slowdown).build();
    }

    /** At {@code current} with exactly {@code signals}, an accuracy floor and the time since the last switch. */
    public static PolicyContext context(int current, Map<String, Double> signals, double floor, long sinceSwitchMs) {
        PolicyContexts c = at(current).floor(floor).sinceSwitchMs(sinceSwitchMs);
        c.signals.putAll(signals);
        return c.build();
    }

    public PolicyContexts slowdown(double factor) {
        signals.put(Metrics.SLOWDOWN, factor);
        return this;
    }

    public PolicyContexts mean(double ms) {
        signals.put(Metrics.LATENCY_MEAN_MS, ms);
        return this;
    }

    public PolicyContexts floor(double top1) {
        floor = top1;
        return this;
    }

    public PolicyContexts sinceSwitchMs(long ms) {
        sinceMs = ms;
        return this;
    }

    public PolicyContext build() {
        return new PolicyContext(LEVELS, current, TARGET_MS, floor, new Signals(signals, 0),
            TimeUnit.MILLISECONDS.toNanos(sinceMs));
    }
}
