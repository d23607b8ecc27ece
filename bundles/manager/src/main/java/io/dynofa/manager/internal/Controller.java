package io.dynofa.manager.internal;

import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.backend.api.LoadedModel;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.monitor.api.Metrics;
import io.dynofa.monitor.api.Signals;
import io.dynofa.profile.api.ProfileStore;
import io.dynofa.runtime.api.KeepWarmState;
import io.dynofa.runtime.api.Problem;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Everything off the inference path: the bound plug-ins, the settings in force and the pin, choosing and loading
 * the family on a backend (on the manager thread; the periodic {@link Decider decision} and pins run on the decision
 * thread, so a family loading on one backend never holds up a step down on the one serving). DS callbacks hand their services to
 * {@link #bound}, {@link #updated} and {@link #unbound}, which record them and ask for a reconcile; an unbound
 * backend or family is retired from the {@link Residency} before the callback returns. The manager's threads and
 * what each owns are drawn in docs/manager.md.
 */
final class Controller {
    private static final System.Logger LOG = System.getLogger(Controller.class.getName());

    private final Bindings bound = new Bindings();
    private final ServiceRegistry<ModelFamily> families = bound.families;
    private final ServiceRegistry<DeviceBackend> backends = bound.backends;
    private final Selection selection = new Selection(bound.families, bound.backends, bound.policies);
    private final AtomicBoolean reconcileQueued = new AtomicBoolean();
    private final ManagerThread thread = new ManagerThread("dynofa-manager");
    private final ManagerThread decisions;
    private final Residency residency;
    private final Reconciler reconciler;
    private final LevelWarmer warmer;
    private final Decider decider;

    private volatile Settings settings;
    private volatile String pinned;
    private volatile boolean loading;
    private volatile List<Problem> configProblems = List.of();
    private volatile List<Problem> bindingProblems = List.of();
    /** Until when ({@link System#nanoTime()}) a family that went away keeps serving, and what status says. */
    private volatile long familyGraceUntil = System.nanoTime();
    private volatile Problem familyGrace;
    private volatile ProfileStore profiles;
    /** The profile store bound, of those offered (an unbind of another one leaves it in use). */
    private volatile ProfileStore boundProfiles;
    private final long startedAt = System.nanoTime();

    /**
     * @param loads where the levels' sessions come from and what loads measured (shared by a gateway's deployments)
     * @param deployment the deployment's name, the one its monitors are read for
     * @param arbitration the gateway's arbitration between deployments, null for none
     */
    Controller(InferenceEngine engine, Settings settings, GatewayLoads loads, String deployment,
               Arbitration arbitration) {
        this.residency = new Residency(engine);
        this.reconciler = new Reconciler(residency, loads);
        this.warmer = new LevelWarmer(engine, settings.keepWarm(), this::cpuLoadForWarmer);
        this.decider = new Decider(residency, selection, bound.monitors, new DecisionExecutor(residency, warmer),
            warmer, deployment, arbitration, engine::served, bound.backends);
        this.settings = settings;
        this.pinned = blankToNull(settings.pinnedLevel());
        this.decisions = new ManagerThread("dynofa-decider", () -> decider.decide(this.settings, pinned),
            settings.decisionIntervalMs());
        engine.addListener(new LateRuns(decider::deadlineNanos, decisions, () -> decider.decide(this.settings, pinned)));
    }

    void reconfigure(Settings next) {
        boolean intervalChanged = next.decisionIntervalMs() != settings.decisionIntervalMs();
        if (!next.pinnedLevel().equals(settings.pinnedLevel())) {
            pinned = blankToNull(next.pinnedLevel());
        }
        settings = next;
        warmer.configure(next.keepWarm());
        if (intervalChanged) {
            decisions.reschedule(next.decisionIntervalMs());
        }
        requestReconcile();
    }

    Settings settings() {
        return settings;
    }

    void requestReconcile() {
        if (reconcileQueued.compareAndSet(false, true)) {
            thread.execute(() -> {
                reconcileQueued.set(false);
                reconcile();
            });
        }
    }

    /** A plug-in service bound: recorded; a family or backend may change what is resident. */
    <T> void bound(ServiceKind<T> kind, T service, Map<String, ?> properties) {
        bound.of(kind).add(service, properties);
        if (kind == ServiceKind.FAMILY || kind == ServiceKind.BACKEND) {
            requestReconcile();
        }
    }

    /**
     * A plug-in service's properties changed: a family or backend now known under another id (or standing in for
     * another) departs as before; otherwise the residency is brought in line with it.
     */
    <T> void updated(ServiceKind<T> kind, T service, Map<String, ?> properties) {
        ServiceRegistry.Update<T> update = bound.of(kind).update(service, properties);
        if (kind != ServiceKind.FAMILY && kind != ServiceKind.BACKEND) {
            return;
        }
        Registration<T> before = update.before();
        Registration<T> after = update.after();
        if (before != null && before.service() != after.service()) {
            departed(before.service(), "'" + before.id() + "' is now registered as '" + after.id() + "'");
        } else {
            requestReconcile();
        }
    }

    /** A plug-in service unbound: a family or backend is no longer used once this returns. */
    <T> void unbound(ServiceKind<T> kind, T service, Map<String, ?> properties) {
        Registration<T> gone = bound.of(kind).remove(service, properties);
        if (gone != null && (kind == ServiceKind.FAMILY || kind == ServiceKind.BACKEND)) {
            departed(gone.service(), kind.noun() + " '" + gone.id() + "' went away");
        }
    }

    List<String> policyIds() {
        return bound.policies.ids();
    }

    List<String> familyIds() {
        return families.ids();
    }

    List<DeviceBackend> backendServices() {
        return backends.values();
    }

    /**
     * Stops using {@code departed}'s resources: its resident sets are retired and, if one of them was serving,
     * another backend's resident set of the same family takes over in the same step (no failed request when
     * the family is warm elsewhere). A departed family that was serving keeps serving while another family
     * is registered, until that one is resident (a hand-over without failed requests).
     */
    void departed(Object departed, String why) {
        Predicate<ActiveSet> uses = set -> set.family() == departed || set.backend() == departed;
        ActiveSet serving = residency.serving();
        boolean servingUsesIt = serving != null && uses.test(serving);
        boolean handOver = departed instanceof ModelFamily && servingUsesIt
            && selection.family(settings, null, new ArrayList<>()) != null;
        long graceMs = settings.limits().familyGraceMs();
        boolean grace = !handOver && graceMs > 0 && departed instanceof ModelFamily && servingUsesIt;
        if (grace) {
            familyGraceUntil = System.nanoTime() + graceMs * 1_000_000L;
            familyGrace = Problems.of(Problem.FAMILY_DEPARTED, serving.familyId(), "family '" + serving.familyId()
                + "' went away and no other family is registered: serving its resident levels for up to " + graceMs
                + " ms (familyGraceMs) until one is");
            thread.schedule(this::requestReconcile, graceMs + 1);
        }
        // in a hand-over or the grace the serving set keeps serving: the reconciler retires it once the next family
        // serves, or the grace ends
        List<ActiveSet> gone = residency.retire(uses, handOver || grace, settings.backend(), why);
        if (!gone.isEmpty()) {
            ActiveSet now = residency.serving();
            LOG.log(Level.INFO, why + ": released " + (gone.size() == 1 ? "its resident levels" : "the resident levels "
                + "of " + gone.size() + " sets") + "; serving " + (handOver ? "it until the next family is resident"
                : grace ? "it for up to " + graceMs + " ms until a family is registered"
                : now == null ? "nothing" : "from backend '" + now.backendId() + "'"));
        }
        requestReconcile();
    }

    /**
     * Binds the store of device profiles and reconciles: a stored profile for the active family and backend that
     * differs from the one in use makes the active set reload. Without a store the serving set is kept as it is.
     */
    void profilesBound(ProfileStore store) {
        boundProfiles = store;
        profiles = store;
        requestReconcile();
    }

    /** The bound store's revision changed (a profile saved). */
    void profilesUpdated(ProfileStore store) {
        profiles = store;
        requestReconcile();
    }

    void profilesUnbound(ProfileStore store) {
        if (boundProfiles == store) {
            boundProfiles = null;
            profiles = null;
            requestReconcile();
        }
    }

    /** Holds {@code levelId} (null: the policy decides again); applied at once, without reading the monitors. */
    void pin(String levelId) {
        pinned = levelId;
        decisions.execute(() -> decider.pin(settings, levelId));
    }

    /**
     * Stops the manager's threads (waiting for a load in progress), stops serving and retires every set;
     * returns the retired sets (their models close once in-flight requests return their leases).
     */
    List<ActiveSet> shutdown() {
        decisions.shutdown();
        thread.shutdown();
        reconciler.close();
        warmer.shutdown();
        return residency.stopServing("the runtime manager stopped");
    }

    private void reconcile() {
        Settings s = settings;
        long waitMs = s.profileWaitMs() - (System.nanoTime() - startedAt) / 1_000_000;
        if (profiles == null && residency.serving() == null && waitMs > 0) {
            // a stored profile spares measuring every level; the profiler may be just starting
            thread.schedule(this::requestReconcile, waitMs);
            return;
        }
        List<Problem> problems = new ArrayList<>();
        ModelFamily family = selection.family(s, residency.serving(), problems);
        int familyProblems = problems.size();
        DeviceBackend backend = selection.backend(s, problems);
        if (family == null && residency.serving() != null && System.nanoTime() - familyGraceUntil < 0) {
            problems.add(familyGrace);
            bindingProblems = problems;
            return;
        }
        if (family == null || backend == null) {
            String reason = family == null ? (families.isEmpty() ? "no model family is registered"
                : "family '" + s.family() + "' is not registered")
                : "no usable device backend is bound: "
                    + String.join("; ", problems.subList(familyProblems, problems.size()).stream()
                        .map(Problem::text).toList());
            residency.stopServing(reason);
            bindingProblems = problems;
            return;
        }
        List<DeviceBackend> usable = selection.usableBackends(s);
        usable.remove(backend);
        usable.add(0, backend);
        loading = residency.serving() == null;
        boolean more;
        try {
            more = reconciler.reconcile(s, family, usable, profiles, problems);
        } finally {
            loading = false;
            bindingProblems = List.copyOf(problems);
        }
        if (more) {
            requestReconcile();
        }
    }

    boolean loading() {
        return loading;
    }

    /** Whether the set serving is the first level of a load still in progress ({@code serveWhileLoading}). */
    boolean servingEarly() {
        return reconciler.servingEarly();
    }

    String pinned() {
        return pinned;
    }

    long switches() {
        return decider.switches();
    }

    String lastDecision() {
        return decider.lastDecision();
    }

    /** What keeping levels warm does at the moment (see {@link LevelWarmer#describe}). */
    String keepWarm() {
        return warmer.describe();
    }

    KeepWarmState keepWarmState() {
        return warmer.state();
    }

    Signals signals() {
        return decider.signals();
    }

    /** The warmer starts before the decider exists, so its first rounds may find no signals yet (NaN). */
    private double cpuLoadForWarmer() {
        Decider current = decider;
        return current == null ? Double.NaN : current.signals().get(Metrics.CPU_LOAD, Double.NaN);
    }

    String policyInUse() {
        return decider.policyInUse();
    }

    /** The configuration's problems, logged once here. */
    /** What the arbitration last did to the deployment's proposal; null when none decides. */
    String arbitration() {
        return decider.arbitration();
    }

    /** The resident levels' models, for counting the sessions shared with other deployments. */
    List<LoadedModel> residentModels() {
        return residency.models();
    }

    void configProblems(List<Problem> problems) {
        configProblems = problems.stream().map(p -> p.from(Problem.RUNTIME)).toList();
        problems.forEach(p -> LOG.log(Level.WARNING, "configuration: " + p.text()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    List<Problem> problems() {
        List<Problem> all = new ArrayList<>(configProblems);
        all.addAll(bindingProblems);
        all.addAll(decider.problems());
        all.addAll(bound.problems());
        return all;
    }
}
