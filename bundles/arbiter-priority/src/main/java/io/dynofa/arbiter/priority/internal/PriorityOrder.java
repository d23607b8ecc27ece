package io.dynofa.arbiter.priority.internal;

/**
 * The grants when no vector keeps every deadline within the cores: every contender starts at its lowest level at
 * the floor, then in keep order (highest priority first) each takes its highest option that still fits the cores
 * with the grants made so far. While even the lowest levels exceed the cores, a contender may take an option only
 * if it demands no more than its lowest level; one that meets its deadline at no level keeps its lowest.
 */
final class PriorityOrder {

    private PriorityOrder() {
    }

    /** The grants, in keep order. */
    static int[] grants(Contest contest) {
        int n = contest.size();
        int[] grants = new int[n];
        for (int i = 0; i < n; i++) {
            grants[i] = contest.get(i).lowest();
        }
        for (int i = 0; i < n; i++) {
            Contender c = contest.get(i);
            int lowest = grants[i];
            boolean over = !Grants.fits(contest, grants);
            for (int position = c.optionCount() - 1; position >= 0; position--) {
                int level = c.option(position);
                grants[i] = level;
                if (over ? c.demand(level) <= c.demand(lowest) : Grants.fits(contest, grants)) {
                    break;
                }
                grants[i] = lowest;
            }
        }
        return grants;
    }
}
