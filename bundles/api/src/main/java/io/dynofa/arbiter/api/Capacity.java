package io.dynofa.arbiter.api;

/**
 * What the gateway's deployments may use together.
 *
 * @param cores processor time per second the deployments may use, in cores: 2.0 on two idle cores, less while
 *     other processes load the machine; {@link Double#POSITIVE_INFINITY} = no limit (only the deadlines bind); not
 *     a number or negative = none (only demand-free levels fit)
 * @param margin the share of a deadline a level's {@linkplain Claim#expectedMs expected latency} may use, in
 *     (0, 1]; above 1 counts as 1; not a number or at most 0 = no level meets any deadline
 */
public record Capacity(double cores, double margin) {
}
