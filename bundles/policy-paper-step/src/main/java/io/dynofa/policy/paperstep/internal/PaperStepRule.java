package io.dynofa.policy.paperstep.internal;

import io.dynofa.config.policy.internal.ConfiguredPolicy;
import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.Level;
import io.dynofa.policy.api.PolicyContext;
import java.util.Locale;

/**
 * Dynamic-OFA's runtime rule as the paper's code has it: the moving mean of the last N model latencies of
 * the level serving now; a full window whose mean exceeds the target steps one level down, else a level
 * below the accuracy floor steps one level up, else the level stays. There is no step-up on headroom, no
 * hysteresis and no dwell time; a move restarts the window, so the next move waits for N runs of the new
 * level. Latency is checked first: a floor above a level that misses the target alternates the two, as
 * the paper's rule does.
 *
 * <p>The window follows the level serving at each decision: when that is not the level it follows (the first
 * decision, after {@link #reset}, a level change the rule did not make) it restarts on the serving level.
 */
final class PaperStepRule implements ConfiguredPolicy.Rule {
    private final LevelLatencyWindow window;

    PaperStepRule(LevelLatencyWindow window) {
        this.window = window;
    }

    /** The window the inference listener feeds. */
    LevelLatencyWindow window() {
        return window;
    }

    @Override
    public Decision decide(PolicyContext c) {
        Level serving = c.currentLevel();
        if (!window.follows(c.backendId(), serving.id())) {
            window.follow(c.backendId(), serving.id());
        }
        int fill = window.fill();
        double mean = window.meanMs();
        String seen = fill == 0 ? format("window 0/%d, target %.2f ms", window.size(), c.targetMs())
            : format("mean %.2f ms of window %d/%d, target %.2f ms", mean, fill, window.size(), c.targetMs());
        if (fill == window.size() && mean > c.targetMs()) {
            return c.current() == 0
                ? Decision.stay(seen + ": over target, already at the fastest level")
                : moveTo(c, c.current() - 1, seen + ": over target, one level down");
        }
        if (serving.top1() < c.accuracyFloor() && c.current() < c.top()) {
            return moveTo(c, c.current() + 1, seen + format(": top-1 %.1f%% below the accuracy floor %.1f%%,"
                + " one level up", serving.top1(), c.accuracyFloor()));
        }
        return Decision.stay(fill < window.size() ? seen + ": window not full" : seen + ": within target");
    }

    /** Forgets the window; the next decision restarts it on the level serving then. */
    @Override
    public void reset() {
        window.clear();
    }

    private Decision moveTo(PolicyContext c, int level, String reason) {
        window.follow(c.backendId(), c.levels().get(level).id());
        return Decision.moveTo(level, reason);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
