package io.dynofa.arbiter.priority.internal;

import io.dynofa.arbiter.api.Claim;
import io.dynofa.arbiter.api.Placement;
import io.dynofa.policy.api.Level;
import io.dynofa.policy.api.Slowdown;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The seats ({@link Seat}) a claim may take: where it serves now first, then its other placements. */
final class Seats {
    /** Top-1 closer than this to the proposal's counts as no more accurate than it. */
    private static final double TOP1_TOLERANCE = 1e-9;

    private Seats() {
    }

    /**
     * Where the claim serves now: the device of its serving placement ({@link Placement#CPU} when it has none), its
     * request rate times that backend's threads on the processors; an odd claim as it is, on the processors.
     */
    static Seat stay(Claim claim) {
        if (claim == null) {
            return new Seat(null, Placement.CPU, null, false);
        }
        Optional<Placement> serving = claim.servingPlacement();
        if (serving.isEmpty()) {
            return new Seat(claim.backendId(), Placement.CPU, claim, false);
        }
        Placement p = serving.get();
        return new Seat(claim.backendId(), p.device(), onBackend(claim, p, claim.levels(), claim.current(),
            claim.proposed(), claim.slowdown()), false);
    }

    /**
     * Staying put, then every other backend the claim lists that has a level no more accurate than the proposal;
     * there the proposal is the most accurate such level, the current one the same level as now (else the
     * proposal), the slowdown the one observed there, else the claim's own on the same device, else unknown.
     */
    static List<Seat> of(Claim claim) {
        List<Seat> seats = new ArrayList<>();
        Seat stay = stay(claim);
        seats.add(stay);
        if (claim.backendId() == null || claim.levels().isEmpty()) {
            return seats;
        }
        int size = claim.levels().size();
        Level proposal = claim.levels().get(Math.max(0, Math.min(size - 1, claim.proposed())));
        String current = claim.levels().get(Math.max(0, Math.min(size - 1, claim.current()))).id();
        Set<String> seen = new HashSet<>(Set.of(claim.backendId()));
        for (Placement p : claim.placements()) {
            if (p.backendId() == null || !seen.add(p.backendId()) || p.levels().isEmpty()) {
                continue;
            }
            int cap = -1;
            int same = -1;
            for (int i = 0; i < p.levels().size(); i++) {
                Level level = p.levels().get(i);
                if (level.top1() <= proposal.top1() + TOP1_TOLERANCE && (cap < 0 || level.top1() >= p.levels()
                    .get(cap).top1())) {
                    cap = i;
                }
                if (level.id().equals(current)) {
                    same = i;
                }
            }
            if (cap < 0) {
                continue;
            }
            double slowdown = Slowdown.isUsable(p.slowdown()) ? p.slowdown()
                : p.device().equals(stay.device()) ? claim.slowdown() : Double.NaN;
            seats.add(new Seat(p.backendId(), p.device(),
                onBackend(claim, p, p.levels(), same >= 0 ? same : cap, cap, slowdown), true));
        }
        return seats;
    }

    private static Claim onBackend(Claim claim, Placement p, List<Level> levels, int current, int proposed,
                                   double slowdown) {
        double rate = claim.requestsPerSecond() * (p.onCpu() ? p.cpuThreads() : 1);
        return new Claim(claim.deployment(), claim.priority(), levels, current, proposed, claim.deadlineMs(),
            rate, slowdown, claim.accuracyFloor(), p.backendId(), List.of());
    }
}
