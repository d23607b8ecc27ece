package io.dynofa.arbiter.priority.internal;

import io.dynofa.arbiter.api.Arbitration;
import io.dynofa.arbiter.api.Capacity;
import io.dynofa.arbiter.api.Claim;
import io.dynofa.arbiter.api.Placement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Placement across backends around {@link PriorityWeightedRule}, free of OSGi. A claim that lists
 * {@linkplain Claim#placements() placements} may serve from any of them ({@link Seats}). A placement vector (one
 * seat per deployment) splits the claims by device, and the rule arbitrates each device's claims against that
 * device's capacity: the processors, the capacity given (a run's demand counted once per thread it keeps busy);
 * any other device, one run at a time ({@code 1} device-second per second, margin as given). Among the vectors,
 * the one whose every device fits wins, then the highest priority-weighted top-1 over all deployments, then the
 * fewest deployments moved, then the lowest priorities moved (the more important deployment stays where it
 * serves), then the first searched. A vector that moves a deployment must beat staying put by
 * {@code minGain} points unless staying put does not fit. Vectors are searched exhaustively while their number is
 * at most {@code limit}; beyond, staying put and every move of one deployment alone (a later decision can move
 * another). Immutable, so thread-safe.
 */
final class PlacingRule {
    private final PriorityWeightedRule rule;
    private final int limit;
    private final double minGain;

    /**
     * @param limit the most placement vectors searched exhaustively; 0 = no deployment is placed elsewhere
     * @param minGain the priority-weighted top-1 points a move must gain over staying put (below 0 counts as 0)
     */
    PlacingRule(PriorityWeightedRule rule, int limit, double minGain) {
        this.rule = rule;
        this.limit = Math.max(0, limit);
        this.minGain = minGain > 0 && Double.isFinite(minGain) ? minGain : 0;
    }

    /** Never throws: odd input is handled as {@link io.dynofa.arbiter.api.Arbiter} says and named in the reason. */
    Arbitration arbitrate(List<Claim> claims, Capacity capacity) {
        if (claims == null || claims.isEmpty()) {
            return rule.arbitrate(claims, capacity);
        }
        List<List<Seat>> seats = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (Claim claim : claims) {
            boolean first = claim != null && claim.deployment() != null && named.add(claim.deployment());
            seats.add(first && limit > 0 ? Seats.of(claim) : List.of(Seats.stay(claim)));
        }
        Outcome stay = evaluate(claims, seats, new int[claims.size()], capacity);
        Outcome best = stay;
        for (int[] vector : vectors(seats)) {
            Outcome outcome = evaluate(claims, seats, vector, capacity);
            if (outcome.betterThan(best)) {
                best = outcome;
            }
        }
        if (best.moves() > 0 && stay.feasible() && best.value() - stay.value() < minGain) {
            best = stay;
        }
        return best.arbitration(claims, seats, stay);
    }

    /** The vectors to search besides staying put (all zeros). */
    private List<int[]> vectors(List<List<Seat>> seats) {
        long product = 1;
        for (List<Seat> s : seats) {
            product = Math.min((long) limit + 1, product * s.size());
        }
        List<int[]> vectors = new ArrayList<>();
        if (product == 1) {
            return vectors;
        }
        if (product <= limit) {
            int[] odometer = new int[seats.size()];
            while (advance(odometer, seats)) {
                vectors.add(odometer.clone());
            }
            return vectors;
        }
        for (int k = 0; k < seats.size(); k++) {
            for (int s = 1; s < seats.get(k).size(); s++) {
                int[] vector = new int[seats.size()];
                vector[k] = s;
                vectors.add(vector);
            }
        }
        return vectors;
    }

    private static boolean advance(int[] odometer, List<List<Seat>> seats) {
        for (int k = odometer.length - 1; k >= 0; k--) {
            if (++odometer[k] < seats.get(k).size()) {
                return true;
            }
            odometer[k] = 0;
        }
        return false;
    }

    /** Arbitrates each device's claims of {@code vector} with the rule. */
    private Outcome evaluate(List<Claim> claims, List<List<Seat>> seats, int[] vector, Capacity capacity) {
        Map<String, List<Claim>> byDevice = new LinkedHashMap<>();
        byDevice.put(Placement.CPU, new ArrayList<>());
        Map<String, String> deviceOf = new HashMap<>();
        int moves = 0;
        long movedPriority = 0;
        for (int k = 0; k < claims.size(); k++) {
            Seat seat = seats.get(k).get(vector[k]);
            moves += seat.moved() ? 1 : 0;
            movedPriority += seat.moved() ? Math.max(1, seat.claim().priority()) : 0;
            String name = seat.claim() == null ? null : seat.claim().deployment();
            // a second claim of a name goes where the first went, whose arbitration ignores it and says so
            String device = name == null ? seat.device() : deviceOf.computeIfAbsent(name, n -> seat.device());
            byDevice.computeIfAbsent(device, d -> new ArrayList<>()).add(seat.claim());
        }
        Map<String, PriorityWeightedRule.Solved> solved = new LinkedHashMap<>();
        boolean feasible = true;
        for (var group : byDevice.entrySet()) {
            if (group.getValue().isEmpty()) {
                continue;
            }
            Capacity own = Placement.CPU.equals(group.getKey()) ? capacity
                : new Capacity(1, capacity == null ? Double.NaN : capacity.margin());
            PriorityWeightedRule.Solved s = rule.solve(group.getValue(), own);
            solved.put(group.getKey(), s);
            feasible &= s.feasible() || s.arbitration().levels().isEmpty();
        }
        return new Outcome(vector, solved, feasible, value(claims, seats, vector, solved), moves, movedPriority);
    }

    private static double value(List<Claim> claims, List<List<Seat>> seats, int[] vector,
                                Map<String, PriorityWeightedRule.Solved> solved) {
        double sum = 0;
        Set<String> counted = new HashSet<>();
        for (int k = 0; k < claims.size(); k++) {
            Seat seat = seats.get(k).get(vector[k]);
            Integer level = granted(seat, solved);
            if (level != null && counted.add(seat.claim().deployment())) {
                double top1 = seat.claim().levels().get(level).top1();
                sum += Math.max(1, seat.claim().priority()) * (Double.isFinite(top1) ? top1 : 0);
            }
        }
        return sum;
    }

    private static Integer granted(Seat seat, Map<String, PriorityWeightedRule.Solved> solved) {
        PriorityWeightedRule.Solved s = solved.get(seat.device());
        Claim claim = seat.claim();
        if (s == null || claim == null || claim.deployment() == null) {
            return null;
        }
        Integer level = s.arbitration().levels().get(claim.deployment());
        return level != null && level >= 0 && level < claim.levels().size() ? level : null;
    }

    /** One placement vector arbitrated. */
    private record Outcome(int[] vector, Map<String, PriorityWeightedRule.Solved> solved, boolean feasible,
                           double value, int moves, long movedPriority) {

        boolean betterThan(Outcome other) {
            if (feasible != other.feasible) {
                return feasible;
            }
            if (Math.abs(value - other.value) > Grants.VALUE_TOLERANCE) {
                return value > other.value;
            }
            return moves != other.moves ? moves < other.moves : movedPriority < other.movedPriority;
        }

        Arbitration arbitration(List<Claim> claims, List<List<Seat>> seats, Outcome stay) {
            Map<String, Integer> levels = new LinkedHashMap<>();
            Map<String, String> backends = new LinkedHashMap<>();
            List<String> placed = new ArrayList<>();
            for (int k = 0; k < claims.size(); k++) {
                Seat seat = seats.get(k).get(vector[k]);
                Integer level = granted(seat, solved);
                String name = seat.claim() == null ? null : seat.claim().deployment();
                if (level == null || levels.containsKey(name)) {
                    continue;
                }
                levels.put(name, level);
                if (seat.moved()) {
                    backends.put(name, seat.backendId());
                    placed.add(Texts.name(name) + " on " + seat.backendId() + " (" + seat.device() + ")");
                }
            }
            return new Arbitration(levels, reason(placed, stay), backends);
        }

        private String reason(List<String> placed, Outcome stay) {
            List<String> parts = new ArrayList<>();
            for (var s : solved.entrySet()) {
                String text = s.getValue().arbitration().reason();
                parts.add(solved.size() == 1 ? text : s.getKey() + ": " + text);
            }
            String reason = String.join(" | ", parts);
            if (placed.isEmpty()) {
                return reason;
            }
            return String.format(Locale.ROOT, "placed %s: weighted top-1 %s%s; %s", String.join(", ", placed),
                Texts.number(value), stay.feasible ? " against " + Texts.number(stay.value) + " staying put"
                    : ", staying put does not fit", reason);
        }
    }
}
