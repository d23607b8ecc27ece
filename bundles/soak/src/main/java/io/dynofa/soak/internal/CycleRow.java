package io.dynofa.soak.internal;

import io.dynofa.soak.internal.ProcessGauges.Gauges;
import io.dynofa.soak.internal.RequestCounts.Counts;

/**
 * One line of the soak report: cycle 0 is the steady load before any bundle is cycled.
 *
 * @param seconds how long the cycle took
 * @param requests the requests sent during the cycle, served and failed
 * @param worstRecoveryMs the longest wait for READY after a start or an update in the cycle
 * @param notRecovered how many starts and updates the gateway did not serve again after, within the ready timeout
 * @param gauges the process at the end of the cycle
 */
record CycleRow(int cycle, double seconds, Counts requests, long worstRecoveryMs, int notRecovered, Gauges gauges) {
}
