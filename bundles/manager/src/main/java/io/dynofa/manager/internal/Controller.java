package io.dynofa.manager.internal;

import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.monitor.api.Metrics;
import io.dynofa.monitor.api.Monitor;
import io.dynofa.monitor.api.Signals;
import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.api.SwitchingPolicy;
import io.dynofa.profile.api.ProfileStore;
import io.dynofa.runtime.api.ProblemSource;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * Everything off the inference path, run on the manager's single thread: choosing and loading the
 * family on a backend, and the periodic policy decision. DS callbacks only record bindings and ask
 * for a reconcile.
 */
final class Controller {
    private static final System.Logger LOG = System.getLogger(Controller.class.getName());

    final ServiceRegistry<ModelFamily> families = new ServiceRegistry<>(ServiceKind.FAMILY);
    final ServiceRegistry<DeviceBackend> backends = new ServiceRegistry<>(ServiceKind.BACKEND);
    final ServiceRegistry<SwitchingPolicy> policies = new ServiceRegistry<>(ServiceKind.POLICY);
    final ServiceRegistry<Monitor> monitors = new ServiceRegistry<>(ServiceKind.MONITOR);
    final ServiceRegistry<ProblemSource> problemSources = new ServiceRegistry<>(ServiceKind.PROBLEM_SOURCE);

    private final InferenceEngine engine;
    private final Selection selection = new Selection(families, backends, policies);
    private final AtomicBoolean reconcileQueued = new AtomicBoolean();
    private final LongAdder switches = new LongAdder();
    private final ManagerThread thread;
    private final Residency residency = new Residency();
    private final Reconciler reconciler;
    private final DecisionExecutor executor;
    private final LevelWarmer warmer;

    private volatile Settings settings;
    private volatile String pinned;
    private volatile boolean loading;
    private volatile List<String> configProblems = List.of();
    private volatile List<String> bindingProblems = List.of();
    private volatile List<String> policyProblems = List.of();
    private volatile String lastDecision = "none yet";
    /** Until when ({@link System#nanoTime()}) a family that went away keeps serving, and what status says. */
    private volatile long familyGraceUntil = System.nanoTime();
    private volatile String familyGrace = "";
    private volatile Signals signals = Signals.empty();
    private volatile SwitchingPolicy lastPolicy;
    private volatile ProfileStore profiles;
    private long lastDecidedGeneration = -1;
    private final long startedAt = System.nanoTime();

    Controller(InferenceEngine engine, Settings settings) {
        this.engine = engine;
        this.reconciler = new Reconciler(engine, residency);
        this.warmer = new LevelWarmer(engine, settings.keepWarm(), () -> signals.get(Metrics.CPU_LOAD, Double.NaN));
        this.executor = new DecisionExecutor(engine, residency, warmer);
        this.settings = settings;
        this.pinned = blankToNull(settings.pinnedLevel());
        this.thread = new ManagerThread(this::tick, settings.decisionIntervalMs());
    }

    void reconfigure(Settings next) {
        boolean intervalChanged = next.decisionIntervalMs() != settings.decisionIntervalMs();
        if (!next.pinnedLevel().equals(settings.pinnedLevel())) {
            pinned = blankToNull(next.pinnedLevel());
        }
        settings = next;
        warmer.configure(next.keepWarm());
        if (intervalChanged) {
            thread.reschedule(next.decisionIntervalMs());
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

    /**
     * Stops using {@code departed}'s resources: its resident sets are retired and, if one of them was serving,
     * another backend's resident set of the same family takes over in the same step (no failed request when
     * the family is warm elsewhere). A departed family that was serving keeps serving while another family
     * is registered, until that one is resident (a hand-over without failed requests).
     */
    void departed(Object departed, String why) {
        Predicate<ActiveSet> uses = set -> set.family() == departed || set.backend() == departed;
        List<ActiveSet> gone = new ArrayList<>(residency.removeIf(uses));
        ActiveSet serving = engine.active();
        if (serving != null && uses.test(serving) && !gone.contains(serving)) {
            gone.add(serving); // a departed family's set, serving during a hand-over
        }
        boolean handOver = departed instanceof ModelFamily && serving != null && serving.family() == departed
            && selection.family(settings, null, new ArrayList<>()) != null;
        long graceMs = settings.limits().familyGraceMs();
        boolean grace = !handOver && graceMs > 0 && departed instanceof ModelFamily && serving != null
            && serving.family() == departed;
        if (grace) {
            familyGraceUntil = System.nanoTime() + graceMs * 1_000_000L;
            familyGrace = "family '" + serving.familyId() + "' went away and no other family is registered: serving "
                + "its resident levels for up to " + graceMs + " ms (familyGraceMs) until one is";
            thread.schedule(this::requestReconcile, graceMs + 1);
        }
        for (ActiveSet set : gone) {
            if ((handOver || grace) && set == serving) {
                continue; // the reconciler retires it once the next family serves, or the grace ends
            }
            engine.retire(set, residency.preferredOrAny(settings.backend()), why);
        }
        if (!gone.isEmpty()) {
            LOG.log(Level.INFO, why + ": released " + (gone.size() == 1 ? "its resident levels" : "the resident levels "
                + "of " + gone.size() + " sets") + "; serving " + (handOver ? "it until the next family is resident"
                : grace ? "it for up to " + graceMs + " ms until a family is registered"
                : engine.active() == null ? "nothing" : "from backend '" + engine.active().backendId() + "'"));
        }
        requestReconcile();
    }

    /**
     * Binds (or, with null, unbinds) the store of device profiles and reconciles: a stored profile for
     * the active family and backend that differs from the one in use makes the active set reload. Without
     * a store the serving set is kept as it is.
     */
    void profiles(ProfileStore store) {
        profiles = store;
        requestReconcile();
    }

    /** Holds {@code levelId} (null: the policy decides again); applied at once, without reading the monitors. */
    void pin(String levelId) {
        pinned = levelId;
        thread.execute(() -> {
            ActiveSet set = engine.active();
            if (set != null && !applyPin(set)) {
                tick();
            }
        });
    }

    /**
     * Stops the manager's threads (waiting for a load in progress), stops serving and retires every set;
     * returns the retired sets (their models close once in-flight requests return their leases).
     */
    List<ActiveSet> shutdown() {
        thread.shutdown();
        reconciler.close();
        warmer.shutdown();
        ActiveSet last = engine.swap(null, "the runtime manager stopped");
        List<ActiveSet> retired = new ArrayList<>(residency.removeIf(set -> true));
        if (last != null && !retired.contains(last)) {
            retired.add(last);
        }
        retired.forEach(ActiveSet::retire);
        return retired;
    }

    private void reconcile() {
        Settings s = settings;
        long waitMs = s.profileWaitMs() - (System.nanoTime() - startedAt) / 1_000_000;
        if (profiles == null && engine.active() == null && waitMs > 0) {
            // a stored profile spares measuring every level; the profiler may be just starting
            thread.schedule(this::requestReconcile, waitMs);
            return;
        }
        List<String> problems = new ArrayList<>();
        ModelFamily family = selection.family(s, engine.active(), problems);
        int familyProblems = problems.size();
        DeviceBackend backend = selection.backend(s, problems);
        if (family == null && engine.active() != null && System.nanoTime() - familyGraceUntil < 0) {
            problems.add(familyGrace);
            bindingProblems = problems;
            return;
        }
        if (family == null || backend == null) {
            String reason = family == null ? (families.isEmpty() ? "no model family is registered"
                : "family '" + s.family() + "' is not registered")
                : "no usable device backend is bound: "
                    + String.join("; ", problems.subList(familyProblems, problems.size()));
            residency.removeIf(set -> true).forEach(set -> engine.retire(set, null, reason));
            retire(engine.swap(null, reason));
            bindingProblems = problems;
            return;
        }
        List<DeviceBackend> usable = selection.usableBackends(s);
        usable.remove(backend);
        usable.add(0, backend);
        loading = engine.active() == null;
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

    private static void retire(ActiveSet set) {
        if (set != null) {
            set.retire();
        }
    }

    private void tick() {
        Signals now = readMonitors();
        signals = now;
        ActiveSet set = engine.active();
        if (set == null) {
            return;
        }
        if (applyPin(set)) {
            return;
        }
        String pin = pinned;
        Settings s = settings;
        List<String> problems = new ArrayList<>();
        if (pin != null) {
            problems.add("pinned level '" + pin + "' is not an active level " + set.levels().stream()
                .map(io.dynofa.policy.api.Level::id).toList() + "; the policy decides");
        }
        SwitchingPolicy policy = selection.policy(s, problems);
        policyProblems = problems;
        if (policy == null) {
            lastPolicy = null;
            lastDecision = "no policy installed: level held";
            return;
        }
        long generation = residency.generation();
        if (policy != lastPolicy || generation != lastDecidedGeneration) {
            policy.reset();
            lastPolicy = policy;
            lastDecidedGeneration = generation;
        }
        Decision decision;
        try {
            decision = policy.decide(new PolicyContext(set.levels(), set.current(), s.targetMs(), s.accuracyFloor(),
                now, System.nanoTime() - set.switchedAt(), set.backendId(), residency.backendLevels(s.backend())));
        } catch (RuntimeException e) {
            lastDecision = "policy " + policy.name() + " failed: " + e;
            return;
        }
        if (decision == null) {
            lastDecision = "policy returned nothing";
            return;
        }
        if (executor.apply(set, decision)) {
            switches.increment();
        }
        lastDecision = executor.outcome(set, decision);
    }

    /** Serves the pinned level if one is set and active; false when the policy decides. */
    private boolean applyPin(ActiveSet set) {
        String pin = pinned;
        int pinIndex = pin == null ? -1 : set.indexOf(pin);
        warmer.holding(pinIndex >= 0);
        if (pinIndex < 0) {
            return false;
        }
        lastDecision = "pinned to " + pin;
        if (executor.select(set, pinIndex)) {
            switches.increment();
        }
        return true;
    }

    private Signals readMonitors() {
        Map<String, Double> values = new HashMap<>();
        for (Monitor m : monitors.values()) {
            try {
                if (m.unavailableReason().isEmpty()) {
                    values.putAll(m.read());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "monitor " + m.name() + " failed", e);
            }
        }
        return new Signals(values, System.nanoTime());
    }

    boolean loading() {
        return loading;
    }

    String pinned() {
        return pinned;
    }

    long switches() {
        return switches.sum();
    }

    String lastDecision() {
        return lastDecision;
    }

    /** What keeping levels warm does at the moment (see {@link LevelWarmer#describe}). */
    String keepWarm() {
        return warmer.describe();
    }

    Signals signals() {
        return signals;
    }

    String policyInUse() {
        SwitchingPolicy p = lastPolicy;
        return p == null ? null : p.name();
    }

    void configProblems(List<String> problems) {
        configProblems = List.copyOf(problems);
        problems.forEach(p -> LOG.log(Level.WARNING, "configuration: " + p));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    List<String> problems() {
        List<String> all = new ArrayList<>(configProblems);
        all.addAll(bindingProblems);
        all.addAll(policyProblems);
        for (ServiceRegistry<?> registry : List.of(families, backends, policies, monitors, problemSources)) {
            all.addAll(registry.problems());
        }
        all.addAll(SourceProblems.of(problemSources.all()));
        return all;
    }
}
