package io.dynofa.health.internal;

import io.dynofa.runtime.api.BackendInfo;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.util.List;
import java.util.Optional;

/**
 * What a check reads of one deployment.
 *
 * @param deployment its name
 * @param status its status
 * @param backends the backends bound to it
 */
record DeploymentState(String deployment, RuntimeStatus status, List<BackendInfo> backends) {
    DeploymentState {
        backends = List.copyOf(backends);
    }

    /** The deployment's state now; empty when its control fails (the deployment is stopping). */
    static Optional<DeploymentState> read(String deployment, RuntimeControl control) {
        try {
            return Optional.of(new DeploymentState(deployment, control.status(), control.backends()));
        } catch (RuntimeException stopping) {
            return Optional.empty();
        }
    }
}
