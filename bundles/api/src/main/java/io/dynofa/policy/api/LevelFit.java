package io.dynofa.policy.api;

import java.util.List;
import java.util.OptionalInt;

/**
 * Which levels fit a latency budget at a slowdown: a level's expected latency is its profiled
 * {@link Level#latencyMs()} times the slowdown (1 = as profiled, see {@link Slowdown}), and it fits when that is at
 * most the budget. Indices are positions in the list given, fastest first, as in {@link PolicyContext#levels()}.
 * A NaN slowdown or budget fits no level.
 *
 * @since 1.2
 */
public final class LevelFit {

    private LevelFit() {
    }

    /** {@code level}'s profiled latency times {@code slowdown}, milliseconds. */
    public static double expectedMs(Level level, double slowdown) {
        return level.latencyMs() * slowdown;
    }

    /** Whether {@code level}'s {@linkplain #expectedMs expected latency} is at most {@code budgetMs}. */
    public static boolean fits(Level level, double slowdown, double budgetMs) {
        return expectedMs(level, slowdown) <= budgetMs;
    }

    /**
     * The most accurate (highest-index) level that fits; the fastest, 0, when none does (test that one with
     * {@link #fits} to tell the two apart).
     *
     * @throws IllegalArgumentException when {@code levels} is empty
     */
    public static int mostAccurateFitting(List<Level> levels, double slowdown, double budgetMs) {
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("no levels to fit into " + budgetMs + " ms");
        }
        for (int i = levels.size() - 1; i > 0; i--) {
            if (fits(levels.get(i), slowdown, budgetMs)) {
                return i;
            }
        }
        return 0;
    }

    /**
     * The most accurate level that fits among those whose top-1 is at least {@code accuracyFloor}; empty when none
     * of them fits (or {@code levels} is empty).
     */
    public static OptionalInt mostAccurateFittingAtFloor(List<Level> levels, double slowdown, double budgetMs,
                                                         double accuracyFloor) {
        for (int i = levels.size() - 1; i >= 0; i--) {
            Level level = levels.get(i);
            if (level.top1() >= accuracyFloor && fits(level, slowdown, budgetMs)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** The fastest level whose top-1 is at least {@code accuracyFloor}; empty when none is. */
    public static OptionalInt fastestAtFloor(List<Level> levels, double accuracyFloor) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).top1() >= accuracyFloor) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }
}
