package io.dynofa.policy.api;

/**
 * A level the runtime can switch to: a sub-network of the active family on the Pareto front of
 * accuracy vs latency measured on the active backend. Levels are ordered by index: a higher index is
 * both slower and more accurate.
 *
 * @param index position in the ordered list, 0 = fastest
 * @param id the sub-network's id in its family
 * @param top1 top-1 accuracy in percent (from the family manifest)
 * @param latencyMs batch-1 latency measured on the active backend, milliseconds
 */
public record Level(int index, String id, double top1, double latencyMs) {
}
