package io.dynofa.monitor.pressure.internal;

/** The metric names the CPU pressure monitor publishes. */
final class PressureMetrics {
    /** Share of the last 10 s in which some runnable task waited for a CPU, percent (kernel average). */
    static final String SOME_AVG10 = "pressure.cpu.some.avg10";
    /** The same over the last 60 s, percent. */
    static final String SOME_AVG60 = "pressure.cpu.some.avg60";
    /** The same over the last sample interval, from the stall-time counter, 0..1. */
    static final String SOME_RECENT = "pressure.cpu.some.recent";

    private PressureMetrics() {
    }
}
