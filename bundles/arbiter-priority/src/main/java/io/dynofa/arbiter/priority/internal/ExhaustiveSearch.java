package io.dynofa.arbiter.priority.internal;

/**
 * The best grant vector of a contest by {@link Grants#compare}, over every vector of the contenders' options that
 * fits the cores: a depth-first walk that skips a branch when even the contenders left at their least demanding
 * options exceed the cores, or at their most valuable options, with the most room any vector can make, cannot
 * reach the best found. Its work is bounded by the product of the option counts, which the caller keeps small.
 */
final class ExhaustiveSearch {
    /** Slack on the cores when skipping a branch, so a vector at the limit is never skipped by rounding. */
    private static final double DEMAND_SLACK = 1e-9;

    private final Contest contest;
    private final int n;
    private final double[] leastDemandFrom;
    private final double[] mostValueFrom;
    private final double mostRoom;
    private final int[] walk;
    private int[] best;
    private double bestValue = Double.NEGATIVE_INFINITY;

    private ExhaustiveSearch(Contest contest) {
        this.contest = contest;
        this.n = contest.size();
        this.leastDemandFrom = new double[n + 1];
        this.mostValueFrom = new double[n + 1];
        this.walk = new int[n];
        double room = 0;
        for (int i = n - 1; i >= 0; i--) {
            Contender c = contest.get(i);
            double least = Double.POSITIVE_INFINITY;
            double most = Double.NEGATIVE_INFINITY;
            for (int option : c.options()) {
                least = Math.min(least, c.demand(option));
                most = Math.max(most, c.value(option));
            }
            leastDemandFrom[i] = leastDemandFrom[i + 1] + least;
            mostValueFrom[i] = mostValueFrom[i + 1] + most;
            room += contest.makeRoom() ? c.mostRoomValue() : 0;
        }
        this.mostRoom = room;
    }

    /**
     * The best vector that fits, or null when none does.
     *
     * @param contest one whose contenders all have options
     */
    static int[] best(Contest contest) {
        ExhaustiveSearch search = new ExhaustiveSearch(contest);
        search.walk(0, 0, 0);
        return search.best;
    }

    private void walk(int depth, double demand, double value) {
        if (depth == n) {
            offer();
            return;
        }
        Contender c = contest.get(depth);
        for (int position = c.optionCount() - 1; position >= 0; position--) {
            int level = c.option(position);
            double withDemand = demand + c.demand(level);
            double withValue = value + c.value(level);
            if (withDemand + leastDemandFrom[depth + 1] > contest.cores() + DEMAND_SLACK
                || withValue + mostValueFrom[depth + 1] + mostRoom < bestValue - Grants.VALUE_TOLERANCE) {
                continue;
            }
            walk[depth] = level;
            walk(depth + 1, withDemand, withValue);
        }
    }

    private void offer() {
        if (!Grants.fits(contest, walk)) {
            return;
        }
        if (best == null || Grants.compare(contest, walk, best) > 0) {
            best = walk.clone();
            bestValue = Grants.worth(contest, best);
        }
    }
}
