package io.dynofa.manager.internal;

import io.dynofa.runtime.api.Problem;
import io.dynofa.runtime.api.RuntimeStatus;
import io.dynofa.runtime.api.RuntimeStatus.State;
import java.util.List;

/** Builds the {@link RuntimeStatus} snapshot. */
final class StatusView {

    private StatusView() {
    }

    /**
     * @param deployment the deployment's name
     * @param sharedSessions how many resident sessions another deployment uses too
     * @param arbitration what the arbiter last did to the deployment's proposal, null when none decides
     */
    static RuntimeStatus of(InferenceEngine engine, Controller controller, String deployment, int sharedSessions,
                            String arbitration) {
        ActiveSet set = engine.active();
        Settings s = controller.settings();
        List<Problem> problems = controller.problems();
        State state = set != null && !controller.servingEarly() ? State.READY
            : controller.loading() || set != null ? State.LOADING : State.NOT_READY;
        ResidentLevel level = set == null ? null : set.currentLevel();
        return new RuntimeStatus(state, set == null ? null : set.familyId(), controller.policyInUse(),
            set == null ? null : set.backendId(), level == null ? null : level.level().id(),
            level == null ? -1 : level.level().index(), controller.pinned() != null, s.targetMs(), s.accuracyFloor(),
            controller.switches(), engine.served(), engine.failed(), controller.lastDecision(),
            problems.stream().map(Problem::text).toList(), controller.signals(), controller.keepWarm(), engine.rejected(),
            problems, controller.keepWarmState(), deployment, s.priority(), sharedSessions, arbitration);
    }
}
