package io.dynofa.manager.internal;

import io.dynofa.arbiter.api.Claim;
import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.monitor.api.Metrics;
import io.dynofa.monitor.api.Monitor;
import io.dynofa.monitor.api.Signals;
import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.Level;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.api.Slowdown;
import io.dynofa.policy.api.SwitchingPolicy;
import io.dynofa.runtime.api.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The periodic decision, on the decision thread: reads the monitors, holds a pinned level or asks the policy, and
 * has {@link DecisionExecutor} carry the decision out. Owns what the last decision saw and said, and the switch
 * count.
 */
final class Decider {
    private static final System.Logger LOG = System.getLogger(Decider.class.getName());

    private final Residency residency;
    private final Selection selection;
    private final ServiceRegistry<Monitor> monitors;
    private final ServiceRegistry<DeviceBackend> backends;
    private final DecisionExecutor executor;
    private final LevelWarmer warmer;
    private final LongAdder switches = new LongAdder();
    private volatile String lastDecision = "none yet";
    private volatile Signals signals = Signals.empty();
    /** The deadline the last decision read (configured, else the frames'), nanoseconds; 0 = none. */
    private volatile long deadlineNanos;
    private volatile SwitchingPolicy lastPolicy;
    private volatile List<Problem> problems = List.of();
    private long lastDecidedGeneration = -1;

    private final String deployment;
    private final Arbitration arbitration;
    private final RequestRate rate;
    private volatile String arbitrated;

    /**
     * @param arbitration the gateway's arbitration between deployments, null when there is none (tests)
     * @param served the deployment's served requests so far (for the request rate a claim carries)
     * @param backends the bound backends, whose service properties say where a claim's placements run
     */
    Decider(Residency residency, Selection selection, ServiceRegistry<Monitor> monitors, DecisionExecutor executor,
            LevelWarmer warmer, String deployment, Arbitration arbitration, LongSupplier served,
            ServiceRegistry<DeviceBackend> backends) {
        this.backends = backends;
        this.deployment = deployment;
        this.arbitration = arbitration;
        this.rate = new RequestRate(served);
        this.residency = residency;
        this.selection = selection;
        this.monitors = monitors;
        this.executor = executor;
        this.warmer = warmer;
    }

    /** One decision under settings {@code s}, with {@code pin} held when it names an active level. */
    void decide(Settings s, String pin) {
        Signals now = readMonitors(s);
        signals = now;
        double deadlineMs = now.get(Metrics.FRAME_DEADLINE_MS, 0);
        deadlineNanos = deadlineMs > 0 && Double.isFinite(deadlineMs) ? Math.round(deadlineMs * 1e6) : 0;
        ActiveSet set = residency.serving();
        if (set == null || holdPin(set, pin)) {
            return;
        }
        List<Problem> found = new ArrayList<>();
        if (pin != null) {
            found.add(Problems.of(Problem.PIN_UNKNOWN, pin, "pinned level '" + pin + "' is not an active level "
                + set.levels().stream().map(Level::id).toList() + "; the policy decides"));
        }
        SwitchingPolicy policy = selection.policy(s, found);
        problems = found;
        if (policy == null) {
            lastPolicy = null;
            lastDecision = "no policy installed: level held";
            return;
        }
        long generation = residency.generation();
        if (policy != lastPolicy || generation != lastDecidedGeneration) {
            resetFor(policy);
            lastPolicy = policy;
            lastDecidedGeneration = generation;
        }
        Decision decision;
        try {
            PolicyContext context = new PolicyContext(set.levels(), set.current(), s.targetMs(), s.accuracyFloor(),
                now, System.nanoTime() - set.switchedAt(), set.backendId(), residency.backendLevels(s.backend()),
                deployment);
            decision = decideFor(policy, context);
        } catch (RuntimeException e) {
            lastDecision = "policy " + policy.name() + " failed: " + e;
            return;
        }
        if (decision == null) {
            lastDecision = "policy returned nothing";
            return;
        }
        decision = arbitrated(s, set, now, decision);
        if (executor.apply(set, decision)) {
            switches.increment();
        }
        lastDecision = executor.outcome(set, decision);
    }

    /** Serves {@code pin} at once if it is an active level (without reading the monitors); else decides. */
    void pin(Settings s, String pin) {
        ActiveSet set = residency.serving();
        if (set != null && !holdPin(set, pin)) {
            decide(s, pin);
        }
    }

    /** Serves the pinned level if one is set and active; false when the policy decides. */
    private boolean holdPin(ActiveSet set, String pin) {
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

    /**
     * The policy's decision as the gateway's arbitration grants it: a proposal on the serving backend is a claim;
     * a grant below it moves (or stays) there instead, a grant on another backend moves there, saying why. A
     * policy's own move to another backend is not arbitrated.
     */
    private Decision arbitrated(Settings s, ActiveSet set, Signals now, Decision decision) {
        if (arbitration == null || (decision.backendId() != null && !decision.backendId().equals(set.backendId()))) {
            arbitrated = null;
            return decision;
        }
        int proposed = decision.isStay() ? set.current() : set.clamp(decision.level());
        double deadline = now.get(Metrics.FRAME_DEADLINE_MS, s.targetMs());
        Claim claim = new Claim(deployment, s.priority(), set.levels(), set.current(), proposed,
            deadline > 0 ? deadline : s.targetMs(), rate.perSecond(now.nanoTime()),
            slowdown(now), s.accuracyFloor(), set.backendId(),
            Placements.of(residency.backendLevels(s.backend()), backends, now));
        Arbitration.Grant grant = arbitration.arbitrate(claim, now.get(Metrics.CPU_LOAD, Double.NaN));
        arbitrated = grant.reason();
        String why = decision.reason() + "; " + grant.reason();
        if (grant.backendId() != null && !grant.backendId().equals(set.backendId())) {
            return Decision.moveTo(grant.backendId(), grant.level(), why);
        }
        if (grant.level() >= proposed) {
            return decision;
        }
        return grant.level() == set.current() ? Decision.stay(why) : Decision.moveTo(grant.level(), why);
    }

    /** The tail's slowdown (per-run p95) when the monitors give it, else the mean's. */
    private static double slowdown(Signals now) {
        double tail = now.get(Metrics.TAIL_SLOWDOWN, Double.NaN);
        return Slowdown.isUsable(tail) ? tail : now.get(Metrics.SLOWDOWN, Double.NaN);
    }

    /** What the arbitration last did to this deployment's proposal; null when none decides. */
    String arbitration() {
        return arbitrated;
    }

    /**
     * One policy service decides for every deployment that names it; the API promises it is never called
     * concurrently with itself, so the deployments take turns (a decision takes microseconds).
     */
    private static Decision decideFor(SwitchingPolicy policy, PolicyContext context) {
        synchronized (Renamed.original(policy)) {
            return policy.decide(context);
        }
    }

    private void resetFor(SwitchingPolicy policy) {
        synchronized (Renamed.original(policy)) {
            policy.reset(deployment);
        }
    }

    /** Every usable monitor's readings for this deployment; a configured deadline stands for the frames' own. */
    private Signals readMonitors(Settings s) {
        Map<String, Double> values = new HashMap<>();
        for (Monitor m : monitors.values()) {
            try {
                if (m.unavailableReason().isEmpty()) {
                    Map<String, Double> read = m.read(deployment);
                    if (read != null) {
                        values.putAll(read);
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "monitor " + m.name() + " failed", e);
            }
        }
        if (s.deadlineMs() > 0) {
            values.put(Metrics.FRAME_DEADLINE_MS, s.deadlineMs());
        }
        return new Signals(values, System.nanoTime());
    }

    long switches() {
        return switches.sum();
    }

    /**
     * The deadline a run is late after, as the last decision read it (a configured one stands for the frames'),
     * nanoseconds; 0 when there is none. One volatile read: the inference path asks it on every run.
     */
    long deadlineNanos() {
        return deadlineNanos;
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

    /** The last decision's problems (an unknown pin, a missing policy). */
    List<Problem> problems() {
        return problems;
    }
}
