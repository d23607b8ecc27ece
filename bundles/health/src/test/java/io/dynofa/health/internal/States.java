package io.dynofa.health.internal;

import io.dynofa.monitor.api.Signals;
import io.dynofa.runtime.api.BackendInfo;
import io.dynofa.runtime.api.Problem;
import io.dynofa.runtime.api.RuntimeStatus;
import io.dynofa.runtime.api.RuntimeStatus.State;
import java.util.List;
import java.util.Map;

/** Deployment states for the tests. */
final class States {
    static final BackendInfo CPU = new BackendInfo("cpu", "cpu backend", null, true);

    private States() {
    }

    static DeploymentState of(String deployment, State state, List<BackendInfo> backends, List<Problem> problems) {
        return new DeploymentState(deployment, status(deployment, state, problems, Map.of()), backends);
    }

    static DeploymentState ready(String deployment) {
        return of(deployment, State.READY, List.of(CPU), List.of());
    }

    static RuntimeStatus status(String deployment, State state, List<Problem> problems, Map<String, Double> signals) {
        return new RuntimeStatus(state, state == State.NOT_READY ? null : "fam", "step",
            state == State.READY ? "cpu" : null, state == State.READY ? "l1" : null, 0, false, 10, 80, 0, 0, 0,
            "why", problems.stream().map(Problem::text).toList(), new Signals(signals, 0), null, Map.of(), problems,
            null, deployment, 1, 0, null);
    }
}
