package io.dynofa.arbiter.priority.internal;

/**
 * A good grant vector of a contest too large to search exhaustively, in work polynomial in the contenders and
 * levels. Two starts, the better result by {@link Grants#compare} kept:
 * <ul>
 * <li>from the contenders' highest options, while the vector exceeds the cores, the contender whose step to a
 *     lower option costs the least priority-weighted accuracy per core it frees steps down to it (on a tie the
 *     nearer option, then the contender last in keep order: lowest priority first);</li>
 * <li>from the least demanding options, while one fits, the contender whose step to a higher option gains the most
 *     priority-weighted accuracy per core it adds steps up to it.</li>
 * </ul>
 * Each is then improved while some contender can step up one option, with one other contender stepping down as
 * few options as that needs to fit, to a better vector; the best such move is taken each round.
 */
final class GreedySearch {
    /** Rounds of improvement at most, per option of the contest: the work stays bounded on any input. */
    private static final int ROUNDS_PER_OPTION = 4;

    private final Contest contest;
    private final int n;
    private final int[] position;
    private double demand;

    private GreedySearch(Contest contest, int[] levels) {
        this.contest = contest;
        this.n = contest.size();
        this.position = new int[n];
        moveTo(levels);
    }

    /**
     * A vector that fits, or null when none does.
     *
     * @param contest one whose contenders all have options
     */
    static int[] best(Contest contest) {
        int[] least = Grants.leastDemanding(contest);
        if (least == null || !Grants.fits(contest, least)) {
            return null;
        }
        GreedySearch fromTop = new GreedySearch(contest, Grants.highestOptions(contest));
        if (!fromTop.stepDownToFit()) {
            fromTop.moveTo(least);
        }
        fromTop.improve();
        GreedySearch fromLeast = new GreedySearch(contest, least);
        fromLeast.stepUpWhileFits();
        fromLeast.improve();
        int[] top = fromTop.levels();
        int[] up = fromLeast.levels();
        boolean topFits = Grants.fits(contest, top);
        boolean upFits = Grants.fits(contest, up);
        if (!topFits || !upFits) {
            // the moves follow the CPU demand; a vector that then slows another past its deadline is not taken
            return topFits ? top : upFits ? up : least;
        }
        return Grants.compare(contest, top, up) >= 0 ? top : up;
    }

    /** Whether stepping down reached a vector that fits (false when no step frees a core before). */
    private boolean stepDownToFit() {
        while (demand > contest.cores()) {
            int cheapest = -1;
            int target = -1;
            double cheapestCost = Double.POSITIVE_INFINITY;
            for (int i = n - 1; i >= 0; i--) {
                Contender c = contest.get(i);
                int level = c.option(position[i]);
                for (int p = position[i] - 1; p >= 0; p--) {
                    int lower = c.option(p);
                    double freed = c.demand(level) - c.demand(lower);
                    double cost = (c.value(level) - c.value(lower)) / freed;
                    if (freed > 0 && (cheapest < 0 || cost < cheapestCost - tolerance(cheapestCost))) {
                        cheapest = i;
                        target = p;
                        cheapestCost = cost;
                    }
                }
            }
            if (cheapest < 0) {
                return false;
            }
            step(cheapest, target);
        }
        return true;
    }

    private void stepUpWhileFits() {
        while (true) {
            int best = -1;
            int target = -1;
            double bestPerCore = 0;
            for (int i = 0; i < n; i++) {
                Contender c = contest.get(i);
                int level = c.option(position[i]);
                for (int p = position[i] + 1; p < c.optionCount(); p++) {
                    int higher = c.option(p);
                    double added = c.demand(higher) - c.demand(level);
                    double gain = c.value(higher) - c.value(level);
                    double perCore = added > 0 ? gain / added : Double.POSITIVE_INFINITY;
                    if (gain > Grants.VALUE_TOLERANCE && demand + added <= contest.cores()
                        && (best < 0 || perCore > bestPerCore + tolerance(bestPerCore))) {
                        best = i;
                        target = p;
                        bestPerCore = perCore;
                    }
                }
            }
            if (best < 0 || !step(best, target)) {
                return;
            }
        }
    }

    private void improve() {
        int options = 0;
        for (int i = 0; i < n; i++) {
            options += contest.get(i).optionCount();
        }
        for (int round = 0; round < ROUNDS_PER_OPTION * options; round++) {
            Move best = null;
            for (int up = 0; up < n; up++) {
                for (int down = -1; down < n; down++) {
                    Move move = move(up, down);
                    if (move != null && move.compareTo(best) > 0) {
                        best = move;
                    }
                }
            }
            if (best == null) {
                return;
            }
            int[] before = levels();
            step(best.up, position[best.up] + 1);
            if (best.down >= 0) {
                step(best.down, best.downTo);
            }
            if (demand > contest.cores()) {
                moveTo(before);
                return;
            }
        }
    }

    /**
     * {@code up} one option higher and {@code down} (-1 = none) as few options lower as that needs to fit, when
     * that fits and is better than the vector now; else null.
     */
    private Move move(int up, int down) {
        Contender raised = contest.get(up);
        if (down == up || position[up] == raised.optionCount() - 1) {
            return null;
        }
        int from = raised.option(position[up]);
        int to = raised.option(position[up] + 1);
        double moved = demand + raised.demand(to) - raised.demand(from);
        double gain = raised.value(to) - raised.value(from);
        int downTo = -1;
        if (moved > contest.cores()) {
            if (down < 0) {
                return null;
            }
            Contender lowered = contest.get(down);
            int level = lowered.option(position[down]);
            downTo = position[down];
            while (moved > contest.cores() && downTo > 0) {
                downTo--;
                moved = demand + raised.demand(to) - raised.demand(from) + lowered.demand(lowered.option(downTo))
                    - lowered.demand(level);
            }
            if (moved > contest.cores()) {
                return null;
            }
            gain += lowered.value(lowered.option(downTo)) - lowered.value(level);
        } else if (down >= 0) {
            return null;
        }
        Move move = new Move(up, down, downTo, gain);
        return move.compareTo(null) > 0 ? move : null;
    }

    /**
     * A move of {@link #improve}: {@code up} one option higher, {@code down} (-1 = none) to option position
     * {@code downTo}, changing the priority-weighted accuracy by {@code gain}.
     */
    private final class Move {
        final int up;
        final int down;
        final int downTo;
        final double gain;

        Move(int up, int down, int downTo, double gain) {
            this.up = up;
            this.down = down;
            this.downTo = downTo;
            this.gain = gain;
        }

        /** Positive when this move makes a better vector than {@code other} (null = no move), by the tie rules. */
        int compareTo(Move other) {
            double otherGain = other == null ? 0 : other.gain;
            if (Math.abs(gain - otherGain) > Grants.VALUE_TOLERANCE) {
                return gain > otherGain ? 1 : -1;
            }
            return Grants.compare(contest, result(), other == null ? levels() : other.result());
        }

        int[] result() {
            int[] levels = levels();
            levels[up] = contest.get(up).option(position[up] + 1);
            if (down >= 0) {
                levels[down] = contest.get(down).option(downTo);
            }
            return levels;
        }
    }

    /** Moves contender {@code i} to option position {@code p}; whether the vector fits after. */
    private boolean step(int i, int p) {
        position[i] = p;
        demand = Grants.demand(contest, levels());
        return demand <= contest.cores();
    }

    private int[] levels() {
        int[] levels = new int[n];
        for (int i = 0; i < n; i++) {
            levels[i] = contest.get(i).option(position[i]);
        }
        return levels;
    }

    private void moveTo(int[] levels) {
        for (int i = 0; i < n; i++) {
            Contender c = contest.get(i);
            int p = 0;
            while (c.option(p) != levels[i]) {
                p++;
            }
            position[i] = p;
        }
        demand = Grants.demand(contest, levels);
    }

    private static double tolerance(double around) {
        return Double.isFinite(around) ? Grants.VALUE_TOLERANCE * Math.max(1, Math.abs(around)) : 0;
    }
}
