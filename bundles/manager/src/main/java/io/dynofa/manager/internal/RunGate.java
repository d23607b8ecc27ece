package io.dynofa.manager.internal;

import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InferenceException.Reason;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code runs} model runs at once, taken in arrival order; at most {@code maxWaiting} callers wait
 * for a turn, each until its deadline. Bounding the runs keeps a request's time near the service time when
 * more callers than cores arrive (the operating system would otherwise slice every run).
 */
final class RunGate {
    private final Semaphore permits;
    private final AtomicInteger waiting = new AtomicInteger();
    private final int runs;
    private final int maxWaiting;

    RunGate(int runs, int maxWaiting) {
        this.permits = new Semaphore(runs, true);
        this.runs = runs;
        this.maxWaiting = maxWaiting;
    }

    int runs() {
        return runs;
    }

    int maxWaiting() {
        return maxWaiting;
    }

    /** Callers waiting for a turn now (the bounded ones). */
    int waiting() {
        return waiting.get();
    }

    /**
     * Takes a turn, waiting until {@code deadlineNanos} ({@link System#nanoTime()}) at most.
     *
     * @param bounded whether this caller counts against {@code maxWaiting} (the async workers, bounded by
     *     their own number, do not)
     * @throws InferenceException OVERLOADED when too many callers wait already, DEADLINE_EXCEEDED when the
     *     deadline passed first
     */
    void enter(long deadlineNanos, boolean bounded) throws InferenceException {
        try {
            if (permits.tryAcquire(0, TimeUnit.NANOSECONDS)) {
                return;
            }
            if (bounded && waiting.incrementAndGet() > maxWaiting) {
                waiting.decrementAndGet();
                throw new InferenceException(Reason.OVERLOADED, maxWaiting + " callers already wait for one of "
                    + runs + " concurrent runs");
            }
            try {
                if (!permits.tryAcquire(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    throw new InferenceException(Reason.DEADLINE_EXCEEDED, "no turn among " + runs
                        + " concurrent runs before the request's deadline");
                }
            } finally {
                if (bounded) {
                    waiting.decrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InferenceException(Reason.DEADLINE_EXCEEDED, "interrupted while waiting for a turn", e);
        }
    }

    void exit() {
        permits.release();
    }
}
