package io.dynofa.manager.internal;

import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InferenceException.Reason;
import io.dynofa.inference.api.InferenceResult;
import io.dynofa.inference.api.Tensor;
import io.dynofa.util.internal.DaemonThreads;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Admission control in front of the {@link InferenceEngine}: every request gets a deadline, waits for one of
 * a bounded number of concurrent runs ({@link RunGate}), and asynchronous requests queue in a bounded queue
 * served by a fixed pool. Whatever is refused fails at once with OVERLOADED, or with DEADLINE_EXCEEDED when
 * it could not start in time, and is counted; memory stays bounded under any offered load.
 */
final class Admission {
    private final InferenceEngine engine;
    private volatile Limits limits;
    private volatile RunGate gate;
    private volatile ThreadPoolExecutor pool;

    Admission(InferenceEngine engine, Limits limits) {
        this.engine = engine;
        this.limits = limits;
        this.gate = new RunGate(limits.maxConcurrentRuns(), limits.maxWaitingCallers());
        this.pool = newPool(limits);
        engine.checkOutputs(limits.checkOutputs());
    }

    /** Applies new limits (and the engine's output check): requests already admitted finish under the old ones. */
    synchronized void configure(Limits next) {
        Limits old = limits;
        limits = next;
        engine.checkOutputs(next.checkOutputs());
        if (next.maxConcurrentRuns() != gate.runs() || next.maxWaitingCallers() != gate.maxWaiting()) {
            gate = new RunGate(next.maxConcurrentRuns(), next.maxWaitingCallers());
        }
        if (next.asyncThreads() != old.asyncThreads() || next.asyncQueueSize() != old.asyncQueueSize()) {
            ThreadPoolExecutor previous = pool;
            pool = newPool(next);
            previous.shutdown(); // its queued requests still run
        }
    }

    InferenceResult infer(Tensor input) throws InferenceException {
        return run(input, System.nanoTime() + limits.requestTimeoutMs() * 1_000_000L, true);
    }

    /** Queues a request that must start within {@code timeoutNanos} (the request timeout when shorter). */
    CompletableFuture<InferenceResult> inferAsync(Tensor input, long timeoutNanos) {
        long deadline = System.nanoTime() + Math.min(timeoutNanos, limits.requestTimeoutMs() * 1_000_000L);
        CompletableFuture<InferenceResult> result = new CompletableFuture<>();
        ThreadPoolExecutor executor = pool;
        try {
            executor.execute(new Queued(input, deadline, result));
        } catch (RejectedExecutionException e) {
            fail(result, executor.isShutdown()
                ? new InferenceException(Reason.NOT_READY, "the runtime manager is stopping")
                : new InferenceException(Reason.OVERLOADED, "the queue of " + limits.asyncQueueSize()
                    + " asynchronous requests is full"));
        }
        return result;
    }

    /** Callers of infer waiting for a turn now. */
    int waitingCallers() {
        return gate.waiting();
    }


    /**
     * Stops taking asynchronous requests: queued ones fail with NOT_READY at once, running ones get up to
     * {@code waitMs} to finish.
     */
    void shutdown(long waitMs) {
        ThreadPoolExecutor executor = pool;
        List<Runnable> queued = executor.shutdownNow();
        for (Runnable r : queued) {
            if (r instanceof Queued q) {
                fail(q.result, new InferenceException(Reason.NOT_READY, "the runtime manager stopped before the "
                    + "request started"));
            }
        }
        try {
            executor.awaitTermination(waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private InferenceResult run(Tensor input, long deadline, boolean boundedWait) throws InferenceException {
        RunGate turn = gate;
        try {
            turn.enter(deadline, boundedWait);
        } catch (InferenceException refused) {
            engine.refused(refused.reason());
            throw refused;
        }
        try {
            return engine.infer(input);
        } finally {
            turn.exit();
        }
    }

    private void fail(CompletableFuture<InferenceResult> result, InferenceException e) {
        engine.refused(e.reason());
        result.completeExceptionally(e);
    }

    private static ThreadPoolExecutor newPool(Limits limits) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(limits.asyncThreads(), limits.asyncThreads(), 0,
            TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(limits.asyncQueueSize()),
            DaemonThreads.factory("dynofa-infer"));
        executor.prestartAllCoreThreads();
        return executor;
    }

    /** A queued asynchronous request. */
    private final class Queued implements Runnable {
        private final Tensor input;
        private final long deadline;
        private final CompletableFuture<InferenceResult> result;

        Queued(Tensor input, long deadline, CompletableFuture<InferenceResult> result) {
            this.input = input;
            this.deadline = deadline;
            this.result = result;
        }

        @Override
        public void run() {
            if (System.nanoTime() - deadline > 0) {
                fail(result, new InferenceException(Reason.DEADLINE_EXCEEDED, "the request waited in the queue "
                    + "past its deadline"));
                return;
            }
            try {
                result.complete(Admission.this.run(input, deadline, false));
            } catch (InferenceException e) {
                result.completeExceptionally(e);
            } catch (RuntimeException e) {
                fail(result, new InferenceException(Reason.BACKEND_FAILURE, e.toString(), e));
            }
        }
    }
}
