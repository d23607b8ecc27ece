package io.dynofa.policy.alert.internal;

import io.dynofa.policy.api.Level;
import java.util.List;
import java.util.OptionalInt;

/** Which levels fit a latency budget, given a slowdown factor. */
final class LevelFit {

    private LevelFit() {
    }

    static boolean fits(Level level, double slowdown, double budgetMs) {
        return estimateMs(level, slowdown) <= budgetMs;
    }

    static double estimateMs(Level level, double slowdown) {
        return level.latencyMs() * slowdown;
    }

    /** The most accurate (highest) level that fits; the fastest level, 0, when none does. */
    static int mostAccurateFitting(List<Level> levels, double slowdown, double budgetMs) {
        for (int i = levels.size() - 1; i > 0; i--) {
            if (fits(levels.get(i), slowdown, budgetMs)) {
                return i;
            }
        }
        return 0;
    }

    /** The fastest level whose top-1 is at least {@code floor}; empty when none is. */
    static OptionalInt fastestAtFloor(List<Level> levels, double floor) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).top1() >= floor) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }
}
