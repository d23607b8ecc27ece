package io.dynofa.runtime.api;

import io.dynofa.monitor.api.Signals;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of the runtime.
 *
 * @param state READY when serving the family's resident levels; LOADING while a family activates (requests may
 *     already be served then, from its first level, when the runtime serves while it loads); NOT_READY otherwise
 * @param familyId active family, null when none
 * @param policy the policy in use (null when none is bound)
 * @param backendId the backend serving, null when none
 * @param levelId the level in use, null when none
 * @param levelIndex its index among the active levels, -1 when none
 * @param pinned whether an operator pinned the level
 * @param targetMs latency target, milliseconds
 * @param accuracyFloor accuracy floor, percent
 * @param switches level changes since start
 * @param served successful requests since start
 * @param failed failed requests since start
 * @param lastDecision the last decision's reason
 * @param problems configuration or binding problems the runtime worked around (e.g. an unknown policy)
 * @param signals the monitors' last readings
 * @param keepWarm what keeping levels warm does at the moment, for people (e.g. {@code "warming ofa-10, ofa-12
 *                 every 10 ms"}, {@code "paused: a level is pinned"}, {@code "off"}); null when not reported
 * @param rejected requests refused since start, by {@link io.dynofa.inference.api.InferenceException.Reason}
 *                 name (e.g. {@code NOT_READY}, {@code OVERLOADED}), in that enum's order; only reasons that
 *                 occurred; counted in {@code failed} too (since 1.2)
 * @param problemDetails {@link #problems()} with their codes and subjects, in the same order; what tools read
 *                 (since 1.3)
 * @param keepWarmState {@link #keepWarm()} as a record; null when not reported (since 1.3)
 * @param deployment the deployment this is the status of ({@link Deployments#PROPERTY}; since 1.4)
 * @param priority the deployment's priority in arbitration, at least 1 (since 1.4)
 * @param sharedSessions how many of the resident levels' sessions another deployment serves from too (since 1.4)
 * @param arbitration what the gateway's arbiter last did to this deployment's proposal, for people (e.g.
 *                 {@code "granted"}, {@code "stepped down from ofa-16 to ofa-13: ..."}); null when no arbiter
 *                 decides (since 1.4)
 */
public record RuntimeStatus(State state, String familyId, String policy, String backendId, String levelId,
                            int levelIndex, boolean pinned, double targetMs, double accuracyFloor, long switches,
                            long served, long failed, String lastDecision, List<String> problems,
                            Signals signals, String keepWarm, Map<String, Long> rejected,
                            List<Problem> problemDetails, KeepWarmState keepWarmState, String deployment,
                            int priority, int sharedSessions, String arbitration) {

    /** Whether the runtime can serve requests. */
    public enum State { READY, LOADING, NOT_READY }

    public RuntimeStatus {
        problems = List.copyOf(problems);
        rejected = rejected == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(rejected));
        deployment = deployment == null ? Deployments.DEFAULT : deployment;
        problemDetails = problemDetails == null
            ? problems.stream().map(text -> new Problem(null, Problem.UNSPECIFIED, null, text)).toList()
            : List.copyOf(problemDetails);
    }

    /** A snapshot of the {@link Deployments#DEFAULT} deployment, before deployments (as of version 1.3). */
    public RuntimeStatus(State state, String familyId, String policy, String backendId, String levelId,
                         int levelIndex, boolean pinned, double targetMs, double accuracyFloor, long switches,
                         long served, long failed, String lastDecision, List<String> problems,
                         Signals signals, String keepWarm, Map<String, Long> rejected,
                         List<Problem> problemDetails, KeepWarmState keepWarmState) {
        this(state, familyId, policy, backendId, levelId, levelIndex, pinned, targetMs, accuracyFloor, switches,
            served, failed, lastDecision, problems, signals, keepWarm, rejected, problemDetails, keepWarmState,
            Deployments.DEFAULT, 1, 0, null);
    }

    /** A snapshot without {@link #problemDetails()} and {@link #keepWarmState()} (as of version 1.2). */
    public RuntimeStatus(State state, String familyId, String policy, String backendId, String levelId,
                         int levelIndex, boolean pinned, double targetMs, double accuracyFloor, long switches,
                         long served, long failed, String lastDecision, List<String> problems,
                         Signals signals, String keepWarm, Map<String, Long> rejected) {
        this(state, familyId, policy, backendId, levelId, levelIndex, pinned, targetMs, accuracyFloor, switches,
            served, failed, lastDecision, problems, signals, keepWarm, rejected, null, null);
    }

    /** The problems with this code (e.g. {@link Problem#CONFIG_REJECTED}), in order. */
    public List<Problem> problems(String code) {
        return problemDetails.stream().filter(p -> p.code().equals(code)).toList();
    }

    /** A snapshot without {@link #rejected()} (as of version 1.1). */
    public RuntimeStatus(State state, String familyId, String policy, String backendId, String levelId,
                         int levelIndex, boolean pinned, double targetMs, double accuracyFloor, long switches,
                         long served, long failed, String lastDecision, List<String> problems,
                         Signals signals, String keepWarm) {
        this(state, familyId, policy, backendId, levelId, levelIndex, pinned, targetMs, accuracyFloor, switches,
            served, failed, lastDecision, problems, signals, keepWarm, Map.of(), null, null);
    }

    /** A snapshot without {@link #keepWarm()} (as of version 1.0). */
    public RuntimeStatus(State state, String familyId, String policy, String backendId, String levelId,
                         int levelIndex, boolean pinned, double targetMs, double accuracyFloor, long switches,
                         long served, long failed, String lastDecision, List<String> problems, Signals signals) {
        this(state, familyId, policy, backendId, levelId, levelIndex, pinned, targetMs, accuracyFloor, switches,
            served, failed, lastDecision, problems, signals, null, Map.of(), null, null);
    }
}
