package io.dynofa.arbiter.api;

/**
 * What the gateway's deployments may use together, and what else keeps the processors busy.
 *
 * @param cores processor time per second the deployments may use, in cores: 2.0 on two idle cores, less while
 *     other processes load the machine; {@link Double#POSITIVE_INFINITY} = no limit (only the deadlines bind); not
 *     a number or negative = none (only demand-free levels fit)
 * @param margin the share of a deadline a level's {@linkplain Claim#expectedMs expected latency} may use, in
 *     (0, 1]; above 1 counts as 1; not a number or at most 0 = no level meets any deadline
 * @param processors the processors of the machine (not a number or at most 0 = unknown)
 * @param otherLoad the processor time per second other processes take now, in cores (the machine's load less the
 *     deployments' own runs; not a number or negative = unknown). With {@code processors} it lets an arbiter
 *     estimate how one deployment's level slows the others: while more threads are runnable than there are
 *     processors, each runs for a share of the time
 * @since 1.1
 */
public record Capacity(double cores, double margin, double processors, double otherLoad) {

    /** A capacity that says nothing of the machine's processors or other load (both unknown). */
    public Capacity(double cores, double margin) {
        this(cores, margin, Double.NaN, Double.NaN);
    }

    /**
     * The mean number of threads the processors share when {@code runnable} cores' worth of the deployments' work
     * wants to run beside the other load, per processor, at least 1: {@code max(1, (otherLoad + runnable) /
     * processors)}. 1 (no sharing) when the processors or the other load are unknown.
     */
    public double sharing(double runnable) {
        if (!(processors > 0) || !(otherLoad >= 0) || !(runnable >= 0) || Double.isInfinite(otherLoad)) {
            return 1;
        }
        return Math.max(1, (otherLoad + runnable) / processors);
    }
}
