package io.dynofa.policy.api;

import io.dynofa.monitor.api.Signals;
import java.util.List;

/**
 * Everything a policy sees at one decision.
 *
 * @param levels the active levels, fastest first (never empty)
 * @param current index of the level in use
 * @param targetMs the application's latency target, milliseconds
 * @param accuracyFloor the lowest acceptable top-1 in percent (0 = none)
 * @param signals the monitors' readings
 * @param nanosSinceSwitch time since the last level change (or since activation)
 */
public record PolicyContext(List<Level> levels, int current, double targetMs, double accuracyFloor,
                            Signals signals, long nanosSinceSwitch) {

    public PolicyContext {
        levels = List.copyOf(levels);
        if (levels.isEmpty() || current < 0 || current >= levels.size()) {
            throw new IllegalArgumentException("current level " + current + " outside 0.." + (levels.size() - 1));
        }
    }

    public Level currentLevel() {
        return levels.get(current);
    }

    public int top() {
        return levels.size() - 1;
    }

    public double millisSinceSwitch() {
        return nanosSinceSwitch / 1e6;
    }
}
