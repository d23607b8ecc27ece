package io.dynofa.arbiter.priority.internal;

import io.dynofa.arbiter.api.Arbitration;
import io.dynofa.arbiter.api.Capacity;
import io.dynofa.arbiter.api.Claim;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The priority-weighted arbitration, free of OSGi. A grant vector g (each g<sub>i</sub> at most the proposal and at
 * least the fastest level at the accuracy floor) is <em>feasible</em> when every deployment's expected latency
 * {@code expectedMs(g_i) <= deadline_i x margin} and the CPU demand at profiled latency
 * {@code sum_i requestsPerSecond_i x latencyMs(g_i) / 1000 <= cores}. Among feasible vectors it grants the one of
 * the highest {@code sum_i priority_i x top1(g_i)} (with {@code makeRoom}, plus the room it makes: {@link Grants#worth}); on a tie the one that steps fewer levels down in total, then
 * the one where the higher-priority deployment (then the first by name) keeps the higher level. The search is
 * exhaustive while the product of the deployments' options is at most the limit, else {@link GreedySearch}. When
 * no vector is feasible the deployments are served in priority order ({@link PriorityOrder}), and the reason says
 * why. The claims' {@code current} levels play no part. Immutable, so thread-safe.
 */
final class PriorityWeightedRule {
    static final double DEFAULT_INTERFERENCE_GAIN = 3;

    private final long exhaustiveLimit;
    private final double interferenceGain;
    private final boolean makeRoom;
    private final double climbHeadroom;

    /** Sharing alone: a gain of 1. */
    PriorityWeightedRule(long exhaustiveLimit) {
        this(exhaustiveLimit, 1);
    }

    /**
     * @param exhaustiveLimit the most grant vectors searched exhaustively; more are searched greedily
     * @param interferenceGain how much more than the processor sharing a level slows the others (see
     *     {@link Grants#interference})
     */
    PriorityWeightedRule(long exhaustiveLimit, double interferenceGain) {
        this(exhaustiveLimit, interferenceGain, false);
    }

    /** @param makeRoom whether a grant vector is worth the room it makes for the others ({@link Grants#worth}) */
    PriorityWeightedRule(long exhaustiveLimit, double interferenceGain, boolean makeRoom) {
        this(exhaustiveLimit, interferenceGain, makeRoom, 0);
    }

    /**
     * @param climbHeadroom the share of a deployment's budget a level above the one serving must leave free to be
     *     granted ({@link Contender#options}); 0 = a climb may use the whole budget
     */
    PriorityWeightedRule(long exhaustiveLimit, double interferenceGain, boolean makeRoom, double climbHeadroom) {
        this.exhaustiveLimit = exhaustiveLimit;
        this.interferenceGain = interferenceGain;
        this.makeRoom = makeRoom;
        this.climbHeadroom = climbHeadroom;
    }

    /** An arbitration and whether its grants keep every deadline within the cores. */
    record Solved(Arbitration arbitration, boolean feasible) {
    }

    /** Never throws: odd input is handled as {@link io.dynofa.arbiter.api.Arbiter} says and named in the reason. */
    Arbitration arbitrate(List<Claim> claims, Capacity capacity) {
        return solve(claims, capacity).arbitration();
    }

    /** As {@link #arbitrate}, saying whether the grants fit ({@code false} when none do or no claim took part). */
    Solved solve(List<Claim> claims, Capacity capacity) {
        Contest contest = Contest.of(claims, capacity, interferenceGain, makeRoom, climbHeadroom);
        if (contest.size() == 0) {
            return new Solved(new Arbitration(Map.of(), Reasons.none(contest)), false);
        }
        int[] least = Grants.leastDemanding(contest);
        if (least != null && Grants.fits(contest, least)) {
            boolean greedy = vectors(contest) > exhaustiveLimit;
            int[] grants = greedy ? GreedySearch.best(contest) : ExhaustiveSearch.best(contest);
            if (grants != null) {
                return new Solved(arbitration(contest, grants, Reasons.fitted(contest, grants, greedy)), true);
            }
        }
        int[] grants = PriorityOrder.grants(contest);
        return new Solved(arbitration(contest, grants, Reasons.infeasible(contest, grants)), false);
    }

    /** The product of the option counts, saturating just above the limit. */
    private long vectors(Contest contest) {
        long product = 1;
        for (Contender c : contest.contenders()) {
            product *= c.optionCount();
            if (product > exhaustiveLimit) {
                return exhaustiveLimit + 1;
            }
        }
        return product;
    }

    private static Arbitration arbitration(Contest contest, int[] grants, String reason) {
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int i = 0; i < grants.length; i++) {
            byName.put(contest.get(i).name(), grants[i]);
        }
        Map<String, Integer> inClaimOrder = new LinkedHashMap<>();
        contest.claimOrder().forEach(name -> inClaimOrder.put(name, byName.get(name)));
        return new Arbitration(inClaimOrder, reason);
    }
}
