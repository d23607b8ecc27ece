package io.dynofa.arbiter.priority.internal;

import io.dynofa.arbiter.api.Capacity;
import io.dynofa.arbiter.api.Claim;
import io.dynofa.policy.api.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-made latency tables and an independent check of the arbiter's contract. */
final class Tables {
    /** Three levels: 88 / 91 / 93 % top-1 at 2 / 4 / 8 ms. */
    static final List<Level> THREE = levels(new double[] {88, 91, 93}, new double[] {2, 4, 8});

    private Tables() {
    }

    static List<Level> levels(double[] top1, double[] latencyMs) {
        List<Level> levels = new ArrayList<>();
        for (int i = 0; i < top1.length; i++) {
            levels.add(new Level(i, "l" + i, top1[i], latencyMs[i]));
        }
        return levels;
    }

    /** A claim as profiled (slowdown 1), no floor, serving its proposal. */
    static Claim claim(String name, int priority, List<Level> levels, int proposed, double deadlineMs,
                       double requestsPerSecond) {
        return new Claim(name, priority, levels, proposed, proposed, deadlineMs, requestsPerSecond, 1, 0);
    }

    static Claim withSlowdown(Claim c, double slowdown) {
        return new Claim(c.deployment(), c.priority(), c.levels(), c.current(), c.proposed(), c.deadlineMs(),
            c.requestsPerSecond(), slowdown, c.accuracyFloor());
    }

    static Claim withFloor(Claim c, double accuracyFloor) {
        return new Claim(c.deployment(), c.priority(), c.levels(), c.current(), c.proposed(), c.deadlineMs(),
            c.requestsPerSecond(), c.slowdown(), accuracyFloor);
    }

    /**
     * Whether {@code grants} keep the contract and are feasible: each at most the proposal, every deadline kept at
     * {@code capacity.margin()} and the CPU demand at profiled latency within {@code capacity.cores()}. Claims of
     * well-formed input only (names unique, proposals in range, no floor).
     */
    static boolean feasible(List<Claim> claims, Capacity capacity, Map<String, Integer> grants) {
        double demand = 0;
        for (Claim c : claims) {
            int g = grants.get(c.deployment());
            if (g > c.proposed() || g < 0 || c.expectedMs(g) > c.deadlineMs() * capacity.margin()) {
                return false;
            }
            demand += c.requestsPerSecond() * c.levels().get(g).latencyMs() / 1000;
        }
        return demand <= capacity.cores() + 1e-9;
    }

    /** The priority-weighted top-1 of {@code grants}. */
    static double value(List<Claim> claims, Map<String, Integer> grants) {
        return claims.stream().mapToDouble(c -> c.priority() * c.levels().get(grants.get(c.deployment())).top1())
            .sum();
    }
}
