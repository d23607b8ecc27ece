package io.dynofa.arbiter.priority.internal;

import io.dynofa.arbiter.api.Capacity;

/**
 * Grant vectors of a {@link Contest}: one level per contender, in the contest's keep order. What a vector is
 * worth, what it demands, and which of two is better.
 */
final class Grants {
    /** Priority-weighted accuracies closer than this are equal (sums of a few hundred percent points). */
    static final double VALUE_TOLERANCE = 1e-6;

    private Grants() {
    }

    /** The sum of the contenders' priority-weighted top-1 at {@code grants}. */
    static double value(Contest contest, int[] grants) {
        double sum = 0;
        for (int i = 0; i < grants.length; i++) {
            sum += contest.get(i).value(grants[i]);
        }
        return sum;
    }

    /**
     * What {@code grants} are worth: their {@linkplain #value value} plus the room they make. When the others'
     * grants slow the contenders less than the levels serving now ({@linkplain #interference interference} below
     * 1), a contender granted its proposal counts the accuracy its policy can then climb to
     * ({@link Contender#roomValue}): a lower-priority deployment stepping down is worth it when it lets a
     * higher-priority one serve a more accurate level, which no proposal shows while the load holds it down.
     * Without {@link Contest#makeRoom()} the worth is the value.
     */
    static double worth(Contest contest, int[] grants) {
        return value(contest, grants) + room(contest, grants);
    }

    /** The room part of {@link #worth}. */
    static double room(Contest contest, int[] grants) {
        double factor = contest.makeRoom() ? interference(contest, grants) : 1;
        if (!(factor < 1)) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < grants.length; i++) {
            Contender c = contest.get(i);
            if (grants[i] == c.proposed()) {
                sum += c.roomValue(factor);
            }
        }
        return sum;
    }

    /** The processor time per second {@code grants} take together, in cores, summed in keep order. */
    static double demand(Contest contest, int[] grants) {
        double sum = 0;
        for (int i = 0; i < grants.length; i++) {
            sum += contest.get(i).demand(grants[i]);
        }
        return sum;
    }

    /**
     * Whether {@code grants} (every level one of its contender's options) fit the cores, and every contender still
     * meets its deadline once the others' levels change how busy the processors are: its expected latency scaled by
     * the {@linkplain Capacity#sharing sharing} at {@code grants} over the sharing now (at the current levels, where
     * its slowdown was measured).
     */
    static boolean fits(Contest contest, int[] grants) {
        return demand(contest, grants) <= contest.cores() && withinDeadlinesBeside(contest, grants);
    }

    /**
     * How much {@code grants} slow the contenders against the current levels: {@code 1 + gain x (x - 1)}, where x is
     * the sharing at {@code grants} over the sharing at the current levels (1 when nothing is known of it).
     */
    static double interference(Contest contest, int[] grants) {
        double now = 0;
        double then = 0;
        for (int i = 0; i < grants.length; i++) {
            Contender c = contest.get(i);
            now += c.runnable(c.current());
            then += c.runnable(grants[i]);
        }
        double ratio = contest.capacity().sharing(then) / contest.capacity().sharing(now);
        return 1 + contest.interferenceGain() * (ratio - 1);
    }

    private static boolean withinDeadlinesBeside(Contest contest, int[] grants) {
        double factor = interference(contest, grants);
        if (!(factor > 1)) {
            return true;
        }
        for (int i = 0; i < grants.length; i++) {
            Contender c = contest.get(i);
            if (!(c.expectedMs(grants[i]) * factor <= c.budgetMs())) {
                return false;
            }
        }
        return true;
    }

    /** How many levels {@code grants} step down from the proposals in total. */
    static int stepsDown(Contest contest, int[] grants) {
        int steps = 0;
        for (int i = 0; i < grants.length; i++) {
            steps += contest.get(i).proposed() - grants[i];
        }
        return steps;
    }

    /** The proposals as a vector. */
    static int[] proposals(Contest contest) {
        int[] grants = new int[contest.size()];
        for (int i = 0; i < grants.length; i++) {
            grants[i] = contest.get(i).proposed();
        }
        return grants;
    }

    /** Each contender at its highest option: every proposal stepped down only as far as its deadline needs. */
    static int[] highestOptions(Contest contest) {
        int[] highest = new int[contest.size()];
        for (int i = 0; i < highest.length; i++) {
            Contender c = contest.get(i);
            highest[i] = c.option(c.optionCount() - 1);
        }
        return highest;
    }

    /** Each contender at its least demanding option (the lowest of equals); null when one has no option. */
    static int[] leastDemanding(Contest contest) {
        int[] grants = new int[contest.size()];
        for (int i = 0; i < grants.length; i++) {
            Contender c = contest.get(i);
            if (c.optionCount() == 0) {
                return null;
            }
            int least = c.option(0);
            for (int option : c.options()) {
                if (c.demand(option) < c.demand(least)) {
                    least = option;
                }
            }
            grants[i] = least;
        }
        return grants;
    }

    /**
     * Positive when {@code a} is better than {@code b}, negative when worse, 0 when they are the same: the higher
     * {@linkplain #worth worth}; on a tie, fewer levels stepped down in total; then the higher level for the
     * contender first in keep order (higher priority, then name) where they differ.
     */
    static int compare(Contest contest, int[] a, int[] b) {
        double valueA = worth(contest, a);
        double valueB = worth(contest, b);
        if (Math.abs(valueA - valueB) > VALUE_TOLERANCE) {
            return valueA > valueB ? 1 : -1;
        }
        int steps = Integer.compare(stepsDown(contest, b), stepsDown(contest, a));
        if (steps != 0) {
            return steps;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
