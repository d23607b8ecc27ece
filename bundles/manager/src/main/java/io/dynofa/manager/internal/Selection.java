package io.dynofa.manager.internal;

import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.policy.api.SwitchingPolicy;
import io.dynofa.runtime.api.Problem;
import java.util.List;

/** Which bound family, backend and policy the settings ask for, with fallbacks and the problems met. */
final class Selection {
    private final ServiceRegistry<ModelFamily> families;
    private final ServiceRegistry<DeviceBackend> backends;
    private final ServiceRegistry<SwitchingPolicy> policies;

    Selection(ServiceRegistry<ModelFamily> families, ServiceRegistry<DeviceBackend> backends,
              ServiceRegistry<SwitchingPolicy> policies) {
        this.families = families;
        this.backends = backends;
        this.policies = policies;
    }

    /**
     * The configured family; while it is not registered, the {@code fallbackFamily} if registered, else the
     * family serving if still registered, else the first registered family (a problem names the one chosen);
     * null when none is registered.
     */
    ModelFamily family(Settings s, ActiveSet serving, List<Problem> problems) {
        List<ModelFamily> all = families.values();
        if (s.family().isEmpty()) {
            return all.isEmpty() ? null : all.get(0);
        }
        ModelFamily wanted = families.get(s.family());
        if (wanted != null) {
            return wanted;
        }
        if (all.isEmpty()) {
            problems.add(Problems.of(Problem.FAMILY_UNKNOWN, s.family(), "unknown family '" + s.family()
                + "' (registered: [])"));
            return null;
        }
        ModelFamily fallback = families.get(s.fallbackFamily());
        if (fallback == null && !s.fallbackFamily().isEmpty()) {
            problems.add(Problems.of(Problem.FAMILY_UNKNOWN, s.fallbackFamily(), "fallbackFamily '"
                + s.fallbackFamily() + "' is not registered either (registered: " + families.ids() + ")"));
        }
        if (fallback == null && serving != null && families.get(serving.familyId()) == serving.family()) {
            fallback = serving.family();
        }
        ModelFamily chosen = fallback != null ? fallback : all.get(0);
        problems.add(Problems.of(Problem.FAMILY_FALLBACK, chosen.id(), "family '" + s.family()
            + "' is not registered; serving fallback family '" + chosen.id() + "'"));
        return chosen;
    }

    /** The configured backend when usable; else the first usable one; else null. */
    DeviceBackend backend(Settings s, List<Problem> problems) {
        DeviceBackend wanted = backends.get(s.backend());
        if (wanted != null && wanted.unavailableReason().isEmpty()) {
            return wanted;
        }
        problems.add(Problems.of(Problem.BACKEND_UNBOUND, s.backend(), wanted == null
            ? "backend '" + s.backend() + "' is not bound (bound: " + backends.ids() + ")"
            : "backend '" + s.backend() + "' unavailable: " + wanted.unavailableReason().get()));
        for (DeviceBackend b : backends.values()) {
            if (b.unavailableReason().isEmpty()) {
                problems.add(Problems.of(Problem.BACKEND_SUBSTITUTED, b.id(), "serving from backend '" + b.id()
                    + "' instead"));
                return b;
            }
        }
        return null;
    }

    /** Every bound backend that can run models, the configured one first. */
    List<DeviceBackend> usableBackends(Settings s) {
        List<DeviceBackend> usable = new java.util.ArrayList<>();
        for (DeviceBackend b : backends.values()) {
            if (b.unavailableReason().isEmpty()) {
                usable.add(b.id().equals(s.backend()) ? 0 : usable.size(), b);
            }
        }
        return usable;
    }

    /** The configured policy; else the fallback; else any bound policy; else null. */
    SwitchingPolicy policy(Settings s, List<Problem> problems) {
        SwitchingPolicy wanted = policies.get(s.policy());
        if (wanted != null) {
            return wanted;
        }
        SwitchingPolicy fallback = policies.get(s.fallbackPolicy());
        List<SwitchingPolicy> all = policies.values();
        SwitchingPolicy chosen = fallback != null ? fallback : all.isEmpty() ? null : all.get(0);
        problems.add(Problems.of(Problem.POLICY_UNKNOWN, s.policy(), "policy '" + s.policy()
            + "' is not installed (installed: " + policies.ids() + ")"
            + (chosen == null ? "" : "; using '" + chosen.name() + "'")));
        return chosen;
    }

    /**
     * The level a set starts serving at: with a configured deadline the fastest (the profile was taken on an idle
     * machine, at the profile batch, and the first frames meet cold caches and a runtime still compiling: a frame
     * late at start is a miss, so the policy climbs from there); otherwise the most accurate level whose measured
     * latency fits the target, the fastest when none does.
     */
    static int initialLevel(ActiveSet set, Settings s) {
        return s.deadlineMs() > 0 ? 0 : initialLevel(set, s.targetMs());
    }

    /** The most accurate level whose measured latency fits the target; the fastest when none does. */
    static int initialLevel(ActiveSet set, double targetMs) {
        int best = 0;
        for (int i = 0; i < set.size(); i++) {
            if (set.level(i).level().latencyMs() <= targetMs) {
                best = i;
            }
        }
        return best;
    }
}
