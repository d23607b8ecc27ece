package io.dynofa.arbiter.priority.internal;

import io.dynofa.arbiter.api.Capacity;
import io.dynofa.arbiter.api.Claim;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The claims of one arbitration made safe to compute with: one {@link Contender} per deployment, the capacity's
 * numbers usable, and a note for every odd input that was ignored or changed.
 *
 * @param contenders in keep order: higher priority first, then by name (the order the tie rules favour)
 * @param claimOrder the deployments' names in the order of their claims
 * @param cores the processor time per second the deployments may use, in cores (0 when unknown)
 * @param notes what was made of odd input, for the reason
 * @param capacity the capacity given, for {@link Capacity#sharing} (one that shares nothing when none was given)
 * @param interferenceGain how much more than the sharing a level slows the others ({@link Grants#interference})
 * @param makeRoom whether a grant vector is worth the room it makes ({@link Grants#worth})
 */
record Contest(List<Contender> contenders, List<String> claimOrder, double cores, List<String> notes,
               Capacity capacity, double interferenceGain, boolean makeRoom) {
    static final Comparator<Contender> KEEP_ORDER = Comparator.comparingInt(Contender::priority).reversed()
        .thenComparing(Contender::name);

    /** @param climbHeadroom the share of its budget a climb must leave free ({@link Contender#options}) */
    static Contest of(List<Claim> claims, Capacity capacity, double interferenceGain, boolean makeRoom,
                      double climbHeadroom) {
        List<String> notes = new ArrayList<>();
        double cores = Double.NaN;
        double margin = Double.NaN;
        if (capacity == null) {
            notes.add("no capacity given");
        } else {
            cores = capacity.cores();
            margin = capacity.margin();
        }
        if (!(cores >= 0)) {
            if (capacity != null) {
                notes.add("cores " + Texts.number(cores) + " taken as 0");
            }
            cores = 0;
        }
        if (margin > 1) {
            notes.add("margin " + Texts.number(margin) + " taken as 1");
            margin = 1;
        } else if (!(margin > 0) && capacity != null) {
            notes.add("margin " + Texts.number(margin) + ": no level meets a deadline");
        }
        List<Contender> contenders = new ArrayList<>();
        List<String> order = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Claim claim : claims == null ? List.<Claim>of() : claims) {
            String why = ignored(claim, seen);
            if (why != null) {
                notes.add(why);
                continue;
            }
            Contender contender = new Contender(claim, margin, climbHeadroom);
            contenders.add(contender);
            order.add(claim.deployment());
            noteOdd(claim, contender, notes);
        }
        contenders.sort(KEEP_ORDER);
        return new Contest(List.copyOf(contenders), List.copyOf(order), cores, List.copyOf(notes),
            capacity == null ? new Capacity(cores, margin) : capacity, interferenceGain, makeRoom);
    }

    int size() {
        return contenders.size();
    }

    Contender get(int i) {
        return contenders.get(i);
    }

    /** Why {@code claim} takes no part, or null when it does. */
    private static String ignored(Claim claim, Set<String> seen) {
        if (claim == null) {
            return "a null claim ignored";
        }
        if (claim.deployment() == null || claim.deployment().isBlank()) {
            return "a claim without a deployment name ignored";
        }
        if (!seen.add(claim.deployment())) {
            return "a second claim of " + Texts.name(claim.deployment()) + " ignored";
        }
        if (claim.levels().isEmpty()) {
            return Texts.name(claim.deployment()) + " has no levels: not granted";
        }
        return null;
    }

    private static void noteOdd(Claim claim, Contender contender, List<String> notes) {
        String name = Texts.name(claim.deployment());
        if (claim.priority() < 1) {
            notes.add(name + " priority " + claim.priority() + " taken as 1");
        }
        if (claim.proposed() != contender.proposed()) {
            notes.add(String.format(Locale.ROOT, "%s proposed %d outside 0..%d, taken as %d", name, claim.proposed(),
                claim.levels().size() - 1, contender.proposed()));
        }
        boolean floorReached = claim.levels().stream().anyMatch(level -> level.top1() >= claim.accuracyFloor());
        if (claim.accuracyFloor() > 0 && !floorReached) {
            notes.add(name + " floor " + Texts.number(claim.accuracyFloor()) + "% above every level, taken as 0");
        }
    }
}
