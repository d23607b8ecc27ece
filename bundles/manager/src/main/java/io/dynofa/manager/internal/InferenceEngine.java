package io.dynofa.manager.internal;

import io.dynofa.backend.api.BackendException;
import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InferenceException.Reason;
import io.dynofa.inference.api.InferenceResult;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Tensor;
import io.dynofa.monitor.api.InferenceListener;
import io.dynofa.runtime.api.Deployments;
import java.util.Arrays;
import java.util.Map;

/**
 * The inference path: lease the active set, run its current level, tell the listeners. Lock-free;
 * the only shared writes are the lease count and two counters.
 */
final class InferenceEngine {
    private final String deployment;

    InferenceEngine() {
        this(Deployments.DEFAULT);
    }

    /** @param deployment the deployment whose runs listeners are told of */
    InferenceEngine(String deployment) {
        this.deployment = deployment;
    }

    private static final InferenceListener[] NO_LISTENERS = new InferenceListener[0];
    private static final int ATTEMPTS = 3;

    private volatile ActiveSet active;
    private volatile String notReadyReason = "starting";
    private volatile InferenceListener[] listeners = NO_LISTENERS;
    private final Outcomes outcomes = new Outcomes();
    private volatile boolean checkOutputs = true;

    InferenceResult infer(Tensor input) throws InferenceException {
        try {
            InferenceResult result = run(input);
            outcomes.served();
            return result;
        } catch (InferenceException e) {
            outcomes.failed(e.reason());
            throw e;
        }
    }

    /** Counts a request refused before it reached the engine (admission control). */
    void refused(Reason reason) {
        outcomes.failed(reason);
    }

    /** Whether every output is checked for NaN and infinities (a failure rather than a wrong answer). */
    void checkOutputs(boolean check) {
        checkOutputs = check;
    }

    private InferenceResult run(Tensor input) throws InferenceException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ActiveSet set = active;
            if (set == null) {
                throw new InferenceException(Reason.NOT_READY, notReadyReason);
            }
            set.input().check(input);
            if (!set.acquire()) {
                continue;
            }
            try {
                return runOn(set, input);
            } finally {
                set.release();
            }
        }
        throw new InferenceException(Reason.NOT_READY, "the runtime is switching families or backends; retry");
    }

    private InferenceResult runOn(ActiveSet set, Tensor input) throws InferenceException {
        ResidentLevel level = set.currentLevel();
        long t0 = System.nanoTime();
        Tensor output;
        try {
            output = level.model().run(input);
        } catch (BackendException | RuntimeException e) {
            throw new InferenceException(Reason.BACKEND_FAILURE, "backend '" + set.backendId() + "' failed on level "
                + level.level().id() + ": " + e.getMessage(), e);
        }
        long latency = System.nanoTime() - t0;
        String levelId = level.level().id();
        if (checkOutputs) {
            int bad = OutputCheck.firstNonFinite(output);
            if (bad >= 0) {
                throw new InferenceException(Reason.BACKEND_FAILURE, "level " + levelId + " on backend '"
                    + set.backendId() + "' gave a non-finite output (element " + bad + ")");
            }
        }
        for (InferenceListener listener : listeners) {
            try {
                listener.inferred(deployment, set.backendId(), levelId, latency, level.profiledNanos());
            } catch (RuntimeException ignored) {
                // a faulty listener must never fail a request
            }
        }
        return new InferenceResult(output, set.familyId(), levelId, set.backendId(), latency);
    }

    InputSpec inputSpec() {
        ActiveSet set = active;
        return set == null ? null : set.input();
    }

    ActiveSet active() {
        return active;
    }

    /**
     * Serves {@code next} (null = not serving, for {@code reason}). Called only by {@link Residency}, the owner of
     * the serving set, under its lock.
     */
    void publish(ActiveSet next, String reason) {
        notReadyReason = reason == null || reason.isEmpty() ? "not serving" : reason;
        active = next;
    }

    synchronized void addListener(InferenceListener listener) {
        InferenceListener[] next = Arrays.copyOf(listeners, listeners.length + 1);
        next[listeners.length] = listener;
        listeners = next;
    }

    synchronized void removeListener(InferenceListener listener) {
        listeners = Arrays.stream(listeners).filter(l -> l != listener).toArray(InferenceListener[]::new);
    }

    long served() {
        return outcomes.servedCount();
    }

    long failed() {
        return outcomes.failedCount();
    }

    /** Failed requests by reason name (see {@link Outcomes#byReason()}). */
    Map<String, Long> rejected() {
        return outcomes.byReason();
    }
}
