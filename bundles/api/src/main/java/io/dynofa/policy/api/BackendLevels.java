package io.dynofa.policy.api;

import java.util.List;

/**
 * The active family as it is resident on one usable device backend: its own Pareto levels, measured (or
 * profiled) on that backend, fastest first. The runtime keeps the family warm on every usable backend so
 * that a policy can move between them at the cost of a reference swap.
 *
 * @param backendId the backend's id
 * @param levels its levels, fastest first (never empty)
 * @param current the index of the level that backend would serve with (its last selected level)
 * @param preferred whether this is the backend the runtime is configured to serve from
 * @since 1.1
 */
public record BackendLevels(String backendId, List<Level> levels, int current, boolean preferred) {

    public BackendLevels {
        levels = List.copyOf(levels);
        if (levels.isEmpty() || current < 0 || current >= levels.size()) {
            throw new IllegalArgumentException("current level " + current + " outside 0.." + (levels.size() - 1)
                + " on backend " + backendId);
        }
    }
}
