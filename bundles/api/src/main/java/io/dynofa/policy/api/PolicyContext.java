package io.dynofa.policy.api;

import io.dynofa.monitor.api.Signals;
import java.util.List;

/**
 * Everything a policy sees at one decision.
 *
 * @param levels the active levels on the current backend, fastest first (never empty)
 * @param current index of the level in use
 * @param targetMs the application's latency target, milliseconds
 * @param accuracyFloor the lowest acceptable top-1 in percent (0 = none)
 * @param signals the monitors' readings
 * @param nanosSinceSwitch time since the last level or backend change (or since activation)
 * @param backendId the backend serving now ({@code ""} when the runtime does not say; since 1.1)
 * @param backends the active family on every usable backend it is resident on, the current one included;
 *     empty when the runtime does not say (since 1.1)
 * @param deployment the deployment deciding ({@code io.dynofa.runtime.api.Deployments#PROPERTY} of its services;
 *     {@code "default"} when the runtime does not say): a policy that learns from earlier decisions keeps what it
 *     learns per deployment, as one policy service decides for every deployment of a gateway (since 1.3)
 */
public record PolicyContext(List<Level> levels, int current, double targetMs, double accuracyFloor,
                            Signals signals, long nanosSinceSwitch, String backendId, List<BackendLevels> backends,
                            String deployment) {

    /** The deployment a runtime that does not name deployments decides for. */
    public static final String DEFAULT_DEPLOYMENT = "default";

    public PolicyContext {
        deployment = deployment == null || deployment.isEmpty() ? DEFAULT_DEPLOYMENT : deployment;
        levels = List.copyOf(levels);
        backends = List.copyOf(backends);
        backendId = backendId == null ? "" : backendId;
        if (levels.isEmpty() || current < 0 || current >= levels.size()) {
            throw new IllegalArgumentException("current level " + current + " outside 0.." + (levels.size() - 1));
        }
    }

    /** A context of the {@value #DEFAULT_DEPLOYMENT} deployment (the 1.1 form). */
    public PolicyContext(List<Level> levels, int current, double targetMs, double accuracyFloor, Signals signals,
                         long nanosSinceSwitch, String backendId, List<BackendLevels> backends) {
        this(levels, current, targetMs, accuracyFloor, signals, nanosSinceSwitch, backendId, backends,
            DEFAULT_DEPLOYMENT);
    }

    /** A context of the current backend only (the 1.0 form). */
    public PolicyContext(List<Level> levels, int current, double targetMs, double accuracyFloor, Signals signals,
                         long nanosSinceSwitch) {
        this(levels, current, targetMs, accuracyFloor, signals, nanosSinceSwitch, "", List.of(), DEFAULT_DEPLOYMENT);
    }

    public Level currentLevel() {
        return levels.get(current);
    }

    public int top() {
        return levels.size() - 1;
    }

    public double millisSinceSwitch() {
        return nanosSinceSwitch / 1e6;
    }
}
