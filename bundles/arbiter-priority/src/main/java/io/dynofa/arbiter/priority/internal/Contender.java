package io.dynofa.arbiter.priority.internal;

import io.dynofa.arbiter.api.Claim;
import io.dynofa.policy.api.Level;
import io.dynofa.policy.api.Slowdown;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A claim made safe to compute with: every number usable, the proposal in range, the floor and the deadline turned
 * into the levels it may be granted. Immutable.
 */
final class Contender {
    private final String name;
    private final int priority;
    private final int proposed;
    private final int current;
    private final int lowest;
    private final double budgetMs;
    private final double climbBudgetMs;
    private final double[] top1;
    private final double[] expectedMs;
    private final double[] demand;
    private final double[] runnable;
    private final int[] options;
    private final int reachNow;

    /**
     * @param claim a claim with a name and at least one level
     * @param margin the share of the deadline a level may use, at most 1 (not above 0: no level meets it)
     * @param climbHeadroom the share of the budget a level above the current one must leave free (0 to below 1;
     *     anything else is taken as 0): a climb is granted only with room for the tail the mean does not show
     */
    Contender(Claim claim, double margin, double climbHeadroom) {
        int size = claim.levels().size();
        name = claim.deployment();
        priority = Math.max(1, claim.priority());
        proposed = Math.max(0, Math.min(size - 1, claim.proposed()));
        current = Math.max(0, Math.min(size - 1, claim.current()));
        double slowdown = Slowdown.isUsable(claim.slowdown()) ? claim.slowdown() : 1;
        double rate = claim.requestsPerSecond() > 0 && Double.isFinite(claim.requestsPerSecond())
            ? claim.requestsPerSecond() : 0;
        budgetMs = claim.deadlineMs() > 0 && margin > 0 ? claim.deadlineMs() * margin : Double.NaN;
        climbBudgetMs = budgetMs * (climbHeadroom > 0 && climbHeadroom < 1 ? 1 - climbHeadroom : 1);
        top1 = new double[size];
        expectedMs = new double[size];
        demand = new double[size];
        runnable = new double[size];
        for (int i = 0; i < size; i++) {
            Level level = claim.levels().get(i);
            double latency = level.latencyMs() >= 0 && Double.isFinite(level.latencyMs())
                ? level.latencyMs() : Double.POSITIVE_INFINITY;
            top1[i] = Double.isFinite(level.top1()) ? level.top1() : 0;
            expectedMs[i] = latency * slowdown;
            demand[i] = rate == 0 ? 0 : rate * latency / 1000;
            runnable[i] = demand[i] * slowdown;
        }
        lowest = Math.min(proposed, floorLevel(claim.accuracyFloor()));
        options = IntStream.rangeClosed(lowest, proposed)
            .filter(i -> Double.isFinite(expectedMs[i]) && expectedMs[i] <= (i > current ? climbBudgetMs : budgetMs))
            .toArray();
        reachNow = reach(1);
    }

    /** The fastest level at the floor; 0 when the floor is not a number or no level reaches it. */
    private int floorLevel(double accuracyFloor) {
        for (int i = 0; i < top1.length; i++) {
            if (top1[i] >= accuracyFloor) {
                return i;
            }
        }
        return 0;
    }

    String name() {
        return name;
    }

    int priority() {
        return priority;
    }

    /** The proposal, clamped into the levels. */
    int proposed() {
        return proposed;
    }

    /** The lowest level it may be granted: the fastest at the floor, the proposal when that is lower. */
    int lowest() {
        return lowest;
    }

    /** The share of the deadline a level may take, ms; NaN when no level can meet it. */
    double budgetMs() {
        return budgetMs;
    }

    /** The budget a level above the current one must fit, ms: the budget less the climb headroom. */
    double climbBudgetMs() {
        return climbBudgetMs;
    }

    /**
     * The levels it may be granted when every deadline is kept, ascending: those from {@link #lowest()} to
     * {@link #proposed()} whose expected latency is within the budget (a level above the current one: within the
     * {@linkplain #climbBudgetMs climb budget}); empty when none is.
     */
    int[] options() {
        return options.clone();
    }

    int optionCount() {
        return options.length;
    }

    int option(int position) {
        return options[position];
    }

    /** The level's priority-weighted top-1. */
    double value(int level) {
        return priority * top1[level];
    }

    /**
     * The most accurate level of all (not only up to the proposal) whose expected latency, scaled by
     * {@code factor}, is within the budget: where its policy can climb once the others' levels slow it by
     * {@code factor} of what it measures now; -1 when none is.
     */
    int reach(double factor) {
        int best = -1;
        for (int i = 0; i < top1.length; i++) {
            if (expectedMs[i] * factor <= budgetMs && (best < 0 || top1[i] > top1[best])) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The priority-weighted top-1 it gains where its policy can climb once the others slow it by {@code factor}
     * (below 1) instead of as now: the {@linkplain #reach reach} at {@code factor} over the reach now, at least 0.
     */
    double roomValue(double factor) {
        int then = reach(factor);
        if (then < 0) {
            return 0;
        }
        return Math.max(0, priority * (top1[then] - (reachNow < 0 ? 0 : top1[reachNow])));
    }

    /** The most {@link #roomValue} can be, whatever the others do. */
    double mostRoomValue() {
        return roomValue(0);
    }

    /** The processor time per second the level takes at the measured rate, in cores (0 when the rate is unknown). */
    double demand(int level) {
        return demand[level];
    }

    /** The level serving now, clamped into the levels. */
    int current() {
        return current;
    }

    /**
     * How many cores' worth of threads the level keeps runnable at the measured rate and slowdown (its requests'
     * observed time per second; 0 when the rate is unknown).
     */
    double runnable(int level) {
        return runnable[level];
    }

    /** The level's profiled latency times the slowdown, ms (infinite when its latency is unusable). */
    double expectedMs(int level) {
        return expectedMs[level];
    }

    @Override
    public String toString() {
        return name + " (priority " + priority + ", proposed " + proposed + ", options " + Arrays.toString(options)
            + ")";
    }
}
