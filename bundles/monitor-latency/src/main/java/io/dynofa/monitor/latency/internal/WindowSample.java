package io.dynofa.monitor.latency.internal;

/**
 * The runs inside the latency window.
 *
 * @param latenciesNanos measured wall time of each run
 * @param slowdowns measured / profiled latency of the runs whose profiled latency was known
 */
record WindowSample(long[] latenciesNanos, double[] slowdowns) {
}
