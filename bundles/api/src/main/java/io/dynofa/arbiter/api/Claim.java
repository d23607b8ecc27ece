package io.dynofa.arbiter.api;

import io.dynofa.policy.api.Level;
import io.dynofa.policy.api.LevelFit;
import io.dynofa.policy.api.Slowdown;
import java.util.List;
import java.util.Optional;

/**
 * One deployment's part in an arbitration: its levels, what its policy proposes and what it needs.
 *
 * @param deployment the deployment's name ({@link io.dynofa.runtime.api.Deployments#PROPERTY})
 * @param priority its priority, at least 1 (higher wins; a smaller value counts as 1)
 * @param levels the levels it serves, fastest first, each with the top-1 of its family and the latency profiled
 *     per request on the backend serving it ({@link Level#latencyMs()}; a latency that is not a non-negative
 *     number counts as infinitely slow); indices are positions in this list
 * @param current the level index serving now
 * @param proposed the level index its policy chose (a policy's stay resolved to {@code current}); one out of
 *     range counts as the nearest level
 * @param deadlineMs the latency a request must keep, milliseconds ({@link Double#POSITIVE_INFINITY} = none; not
 *     a number or at most 0 = no level meets it)
 * @param requestsPerSecond the measured request rate (0, negative or not finite = unknown: no CPU demand)
 * @param slowdown the deployment's measured slowdown, observed latency over profiled: the tail's (the per-run p95,
 *     {@code latency.tail.slowdown}) when its monitors give it, else the mean's (NaN, or any value that is not
 *     {@linkplain Slowdown#isUsable usable} = unknown, counted as 1)
 * @param accuracyFloor the lowest acceptable top-1, percent (0 = none; not a number counts as 0)
 * @param backendId the backend serving the deployment now, whose levels {@code levels} are (null = unknown: the
 *     deployment is not placed elsewhere)
 * @param placements every backend the deployment's family is resident on, where an arbiter may place it, the
 *     serving one among them (empty = it stays where it is; since 1.2)
 */
public record Claim(String deployment, int priority, List<Level> levels, int current, int proposed,
                    double deadlineMs, double requestsPerSecond, double slowdown, double accuracyFloor,
                    String backendId, List<Placement> placements) {

    /** Copies {@code levels} and {@code placements} (null = none; neither may hold a null). */
    public Claim {
        levels = levels == null ? List.of() : List.copyOf(levels);
        placements = placements == null ? List.of() : List.copyOf(placements);
    }

    /** A claim of a deployment that stays on the backend it is served from (no backend named, no placements). */
    public Claim(String deployment, int priority, List<Level> levels, int current, int proposed, double deadlineMs,
                 double requestsPerSecond, double slowdown, double accuracyFloor) {
        this(deployment, priority, levels, current, proposed, deadlineMs, requestsPerSecond, slowdown,
            accuracyFloor, null, List.of());
    }

    /**
     * The placement of the backend serving now ({@link #backendId()}), when {@link #placements()} holds it.
     *
     * @since 1.2
     */
    public Optional<Placement> servingPlacement() {
        return placements.stream().filter(p -> p.backendId() != null && p.backendId().equals(backendId))
            .findFirst();
    }

    /**
     * The latency level {@code level} is expected to take now: its profiled latency times the
     * {@linkplain #slowdown() slowdown} (1 when unknown), milliseconds.
     *
     * @throws IndexOutOfBoundsException when {@code level} is not an index of {@link #levels()}
     */
    public double expectedMs(int level) {
        return LevelFit.expectedMs(levels.get(level), Slowdown.isUsable(slowdown) ? slowdown : 1);
    }
}
