package io.dynofa.monitor.api;

/** Well-known metric names that monitors publish and policies read from {@link Signals}. */
public final class Metrics {
    /** Mean latency of the manager's own model runs over the monitor's window, milliseconds. */
    public static final String LATENCY_MEAN_MS = "latency.mean.ms";
    /** 95th-percentile latency over the same window, milliseconds. */
    public static final String LATENCY_P95_MS = "latency.p95.ms";
    /** Number of runs in the latency window. */
    public static final String LATENCY_COUNT = "latency.count";
    /** Mean of (measured / profiled latency of the level that ran) over the window; 1 = as profiled. */
    public static final String SLOWDOWN = "latency.slowdown";
    /** System-wide CPU utilisation over the last sampling interval, 0..1 (all processes). */
    public static final String CPU_LOAD = "cpu.load";

    private Metrics() {
    }
}
