package io.dynofa.manager.internal;

import io.dynofa.backend.api.BackendException;
import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.monitor.api.Monitor;
import io.dynofa.monitor.api.Signals;
import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.api.SwitchingPolicy;
import io.dynofa.profile.api.LatencyProfile;
import io.dynofa.profile.api.ProfileStore;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Everything off the inference path, run on the manager's single thread: choosing and loading the
 * family on a backend, and the periodic policy decision. DS callbacks only record bindings and ask
 * for a reconcile.
 */
final class Controller {
    private static final System.Logger LOG = System.getLogger(Controller.class.getName());

    final ServiceRegistry<ModelFamily> families = new ServiceRegistry<>();
    final ServiceRegistry<DeviceBackend> backends = new ServiceRegistry<>();
    final ServiceRegistry<SwitchingPolicy> policies = new ServiceRegistry<>();
    final ServiceRegistry<Monitor> monitors = new ServiceRegistry<>();

    private final InferenceEngine engine;
    private final Selection selection = new Selection(families, backends, policies);
    private final AtomicBoolean reconcileQueued = new AtomicBoolean();
    private final LongAdder switches = new LongAdder();
    private final ManagerThread thread;

    private volatile Settings settings;
    private volatile String pinned;
    private volatile boolean loading;
    private volatile List<String> configProblems = List.of();
    private volatile List<String> bindingProblems = List.of();
    private volatile List<String> policyProblems = List.of();
    private volatile String lastDecision = "none yet";
    private volatile Signals signals = Signals.empty();
    private volatile SwitchingPolicy lastPolicy;
    private volatile ProfileStore profiles;
    private volatile String levelsSource = "none";
    private ActiveSet lastDecidedSet;
    /** The stored profile the serving set's latencies come from; null when they were measured on load. */
    private LatencyProfile profileInUse;

    Controller(InferenceEngine engine, Settings settings) {
        this.engine = engine;
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

    /** Stops serving from {@code set}'s resources at once if {@code departed} is one of them. */
    void departed(Object departed, String why) {
        ActiveSet retired = engine.retireIf(set -> set.family() == departed || set.backend() == departed, why);
        if (retired != null) {
            LOG.log(Level.INFO, "stopped serving: " + why);
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

    /** Where the serving levels' latencies come from, for the log and tests. */
    String levelsSource() {
        return levelsSource;
    }

    void pin(String levelId) {
        pinned = levelId;
        thread.execute(this::tick);
    }

    void shutdown() {
        thread.shutdown();
        ActiveSet last = engine.swap(null, "the runtime manager stopped");
        if (last != null) {
            last.retire();
        }
    }

    private void reconcile() {
        Settings s = settings;
        List<String> problems = new ArrayList<>();
        ActiveSet serving = engine.active();
        ModelFamily family = selection.family(s, serving, problems);
        int familyProblems = problems.size();
        DeviceBackend backend = selection.backend(s, problems);
        if (family == null || backend == null) {
            String reason = family == null ? (families.isEmpty() ? "no model family is registered"
                : "family '" + s.family() + "' is not registered")
                : "no usable device backend is bound: "
                    + String.join("; ", problems.subList(familyProblems, problems.size()));
            bindingProblems = problems;
            retire(engine.swap(null, reason));
            return;
        }
        ProfileStore store = profiles;
        LatencyProfile stored = store == null ? null : storedProfile(store, family, backend);
        if (serving != null && serving.family() == family && serving.backend() == backend
            && (store == null || Objects.equals(stored, profileInUse))) {
            bindingProblems = problems;
            return;
        }
        loading = true;
        long t0 = System.nanoTime();
        try {
            ActiveSet next = new LevelLoader(s.warmupRuns(), s.profileRuns()).load(family, backend, stored,
                problems::add);
            next.select(Selection.initialLevel(next, s.targetMs()));
            bindingProblems = List.copyOf(problems);
            retire(engine.swap(next, ""));
            profileInUse = stored;
            levelsSource = stored == null ? "measured on load" : "levels from stored profile " + stored.date();
            LOG.log(Level.INFO, String.format("family %s active on backend %s: %d Pareto levels of %d, %s, %.0f ms",
                family.id(), backend.id(), next.size(), family.levels().size(), levelsSource,
                (System.nanoTime() - t0) / 1e6));
        } catch (BackendException | RuntimeException e) {
            problems.add(e.getMessage());
            LOG.log(Level.WARNING, "family " + family.id() + " could not be activated on " + backend.id(), e);
        } finally {
            loading = false;
            bindingProblems = problems;
        }
    }

    private static LatencyProfile storedProfile(ProfileStore store, ModelFamily family, DeviceBackend backend) {
        try {
            return LevelLoader.usable(store.find(family.id(), backend.id()).orElse(null), family, backend);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the profile store failed; measuring on load", e);
            return null;
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
        String pin = pinned;
        int pinIndex = pin == null ? -1 : set.indexOf(pin);
        if (pinIndex >= 0) {
            if (set.select(pinIndex)) {
                switches.increment();
            }
            lastDecision = "pinned to " + pin;
            return;
        }
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
        if (policy != lastPolicy || set != lastDecidedSet) {
            policy.reset();
            lastPolicy = policy;
            lastDecidedSet = set;
        }
        Decision decision;
        try {
            decision = policy.decide(new PolicyContext(set.levels(), set.current(), s.targetMs(), s.accuracyFloor(),
                now, System.nanoTime() - set.switchedAt()));
        } catch (RuntimeException e) {
            lastDecision = "policy " + policy.name() + " failed: " + e;
            return;
        }
        if (decision != null && !decision.isStay() && set.select(decision.level())) {
            switches.increment();
        }
        lastDecision = decision == null ? "policy returned nothing" : decision.reason();
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
        return all;
    }
}
