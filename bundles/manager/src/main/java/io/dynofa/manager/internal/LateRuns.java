package io.dynofa.manager.internal;

import io.dynofa.monitor.api.InferenceListener;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Asks for a decision at once when a run takes longer than the deployment's deadline (configured, else its frames'),
 * instead of leaving it to the next periodic decision: at a contention onset every frame until the level moves is
 * late, and the period is up to {@code decisionIntervalMs} of them. At most one such decision is queued at a time;
 * it runs on the decision thread like the periodic ones, shortly after the run, once the monitors have it.
 */
final class LateRuns implements InferenceListener {
    /** Lets the monitors, told of the same run, record it before the decision reads them. */
    static final long DELAY_MS = 1;

    private final LongSupplier deadlineNanos;
    private final ManagerThread decisions;
    private final Runnable decide;
    private final AtomicBoolean queued = new AtomicBoolean();

    /** @param deadlineNanos the latency a run may take before it counts as late, nanoseconds (not above 0: none) */
    LateRuns(LongSupplier deadlineNanos, ManagerThread decisions, Runnable decide) {
        this.deadlineNanos = deadlineNanos;
        this.decisions = decisions;
        this.decide = decide;
    }

    @Override
    public void inferred(String levelId, long latencyNanos, long profiledNanos) {
        long deadline = deadlineNanos.getAsLong();
        if (deadline > 0 && latencyNanos > deadline && queued.compareAndSet(false, true)) {
            decisions.schedule(() -> {
                queued.set(false);
                decide.run();
            }, DELAY_MS);
        }
    }
}
