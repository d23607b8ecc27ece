package io.dynofa.manager.internal;

import io.dynofa.policy.api.Decision;
import java.lang.System.Logger.Level;

/**
 * Carries out a policy's decision, on the manager thread: a level on the serving set, or service moved to
 * another backend's resident set of the same family (a reference swap: in-flight requests finish on the set
 * they leased).
 */
final class DecisionExecutor {
    private static final System.Logger LOG = System.getLogger(DecisionExecutor.class.getName());

    private final InferenceEngine engine;
    private final Residency residency;

    DecisionExecutor(InferenceEngine engine, Residency residency) {
        this.engine = engine;
        this.residency = residency;
    }

    /** @return true when the level or the backend changed */
    boolean apply(ActiveSet serving, Decision decision) {
        ActiveSet target = target(serving, decision);
        if (target == serving) {
            return decision.level() != Decision.STAY && serving.select(decision.level());
        }
        if (target == null) {
            return false;
        }
        if (decision.level() != Decision.STAY) {
            target.select(decision.level());
        }
        target.enteredService();
        if (!engine.serve(target)) {
            return false;
        }
        LOG.log(Level.INFO, "serving from backend " + target.backendId() + " at level "
            + target.currentLevel().level().id() + " (was " + serving.backendId() + "): " + decision.reason());
        return true;
    }

    /** The decision's reason, with why it was not carried out when it names a backend that cannot serve. */
    String outcome(ActiveSet serving, Decision decision) {
        ActiveSet target = target(serving, decision);
        if (target != null) {
            return engine.active() == serving && target != serving
                ? decision.reason() + " (backend '" + decision.backendId() + "' just went away: staying)"
                : decision.reason();
        }
        return decision.reason() + " (backend '" + decision.backendId() + "' has no resident levels: staying on '"
            + serving.backendId() + "')";
    }

    /** The set the decision wants to serve from: the serving one, another resident one, or null (none). */
    private ActiveSet target(ActiveSet serving, Decision decision) {
        String backendId = decision.backendId();
        if (backendId == null || backendId.equals(serving.backendId())) {
            return serving;
        }
        ActiveSet target = residency.set(backendId);
        return target != null && target.family() == serving.family() ? target : null;
    }
}
