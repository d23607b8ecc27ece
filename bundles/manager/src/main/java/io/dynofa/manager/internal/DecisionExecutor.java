package io.dynofa.manager.internal;

import io.dynofa.policy.api.Decision;
import java.lang.System.Logger.Level;

/**
 * Carries out a policy's decision, on the decision thread: a level on the serving set, or service moved to
 * another backend's resident set of the same family through {@link Residency#serve} (a reference swap: in-flight
 * requests finish on the set they leased). The level switched to is run once first (see {@link LevelWarmer}), so the first request on it runs at about
 * its steady-state speed.
 */
final class DecisionExecutor {
    private static final System.Logger LOG = System.getLogger(DecisionExecutor.class.getName());

    private final Residency residency;
    private final LevelWarmer warmer;

    DecisionExecutor(Residency residency, LevelWarmer warmer) {
        this.residency = residency;
        this.warmer = warmer;
    }

    /** @return true when the level or the backend changed */
    boolean apply(ActiveSet serving, Decision decision) {
        ActiveSet target = target(serving, decision);
        if (target == serving) {
            return decision.level() != Decision.STAY && select(serving, decision.level());
        }
        if (target == null) {
            return false;
        }
        select(target, decision.level() == Decision.STAY ? target.current() : decision.level());
        target.enteredService();
        if (!residency.serve(target)) {
            return false;
        }
        LOG.log(Level.INFO, "serving from backend " + target.backendId() + " at level "
            + target.currentLevel().level().id() + " (was " + serving.backendId() + "): " + decision.reason());
        return true;
    }

    /** Moves {@code set} to level {@code index} (clamped), warming that level first. */
    boolean select(ActiveSet set, int index) {
        int level = set.clamp(index);
        warmer.prepare(set, level);
        return set.select(level);
    }

    /** The decision's reason, with why it was not carried out when it names a backend that cannot serve. */
    String outcome(ActiveSet serving, Decision decision) {
        ActiveSet target = target(serving, decision);
        if (target != null) {
            return residency.serving() == serving && target != serving
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
