package io.dynofa.monitor.api;

/** Well-known metric names that monitors publish and policies read from {@link Signals}. */
public final class Metrics {
    /** Mean latency of the manager's own model runs over the monitor's window, milliseconds. */
    public static final String LATENCY_MEAN_MS = "latency.mean.ms";
    /** 95th-percentile latency over the same window, milliseconds. */
    public static final String LATENCY_P95_MS = "latency.p95.ms";
    /**
     * 99th-percentile latency over the same window, milliseconds.
     *
     * @since 1.2
     */
    public static final String LATENCY_P99_MS = "latency.p99.ms";
    /** Number of runs in the latency window. */
    public static final String LATENCY_COUNT = "latency.count";
    /** Mean of (measured / profiled latency of the level that ran) over the window; 1 = as profiled. */
    public static final String SLOWDOWN = "latency.slowdown";
    /**
     * 95th percentile of (measured / profiled latency of the level that ran) over the window: the tail's slowdown,
     * right in a window that mixes levels (each run against its own level's profile), where the p95 in
     * milliseconds is not.
     *
     * @since 1.3
     */
    public static final String TAIL_SLOWDOWN = "latency.tail.slowdown";
    /**
     * The smaller slowdown (measured / profiled latency of the level that ran) of the window's last two runs:
     * what the latest runs show before a window's percentiles do. Two runs in a row that slow stand for a change
     * of load (a contention onset), where one can be a stall.
     *
     * @since 1.4
     */
    public static final String RECENT_SLOWDOWN = "latency.recent.slowdown";
    /**
     * Prefix of the per-backend slowdown: {@code latency.slowdown.<backendId>} is {@link #SLOWDOWN} over
     * the runs of that backend alone (present only while the backend has run requests recently).
     *
     * @since 1.1
     */
    public static final String SLOWDOWN_OF_BACKEND = "latency.slowdown.";
    /**
     * Prefix of a backend's occupancy by other applications: {@code backend.busy.<backendId>}, 0..1, the share
     * of the device others are using (a device monitor that can tell publishes it; e.g. another process on the
     * GPU). A backend whose device is {@code b} busy serves about {@code 1 / (1 - b)} times slower.
     *
     * @since 1.1
     */
    public static final String BUSY_OF_BACKEND = "backend.busy.";
    /**
     * The deadline an application gives its frames now (a frame workload publishes it), milliseconds: a frame
     * that ends later after its arrival, or is dropped, is a miss.
     *
     * @since 1.2
     */
    public static final String FRAME_DEADLINE_MS = "frame.deadline.ms";
    /**
     * 95th-percentile frame latency (arrival to result, waiting included) over the application's window,
     * milliseconds.
     *
     * @since 1.2
     */
    public static final String FRAME_LATENCY_P95_MS = "frame.latency.p95.ms";
    /** 99th-percentile frame latency over the same window, milliseconds. @since 1.2 */
    public static final String FRAME_LATENCY_P99_MS = "frame.latency.p99.ms";
    /** Frames offered (arrived) in the application's window. @since 1.2 */
    public static final String FRAME_COUNT = "frame.count";
    /**
     * Share of the frames offered in the window that missed their deadline (late, dropped or failed), 0..1.
     *
     * @since 1.2
     */
    public static final String FRAME_MISS_RATE = "frame.miss.rate";
    /** System-wide CPU utilisation over the last sampling interval, 0..1 (all processes). */
    public static final String CPU_LOAD = "cpu.load";

    private Metrics() {
    }
}
