package io.dynofa.manager.internal;

import io.dynofa.backend.api.BackendException;
import io.dynofa.backend.api.LoadedModel;
import io.dynofa.inference.api.Tensor;
import java.util.concurrent.atomic.AtomicInteger;

/** A model whose logits name its level (argmax = {@code classIndex}); counts runs and closes. */
final class FakeModel implements LoadedModel {
    private final String name;
    private final int classIndex;
    private final int classes;
    private final long sleepMillis;
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicInteger closes = new AtomicInteger();
    private final AtomicInteger runsAfterClose = new AtomicInteger();
    private volatile RuntimeException runtimeFailure;
    private volatile boolean backendFailure;
    private volatile boolean nan;
    private volatile Thread lastRunner;
    private volatile long largestBatch;

    FakeModel(String name, int classIndex, int classes, long sleepMillis) {
        this.name = name;
        this.classIndex = classIndex;
        this.classes = classes;
        this.sleepMillis = sleepMillis;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Tensor run(Tensor input) throws BackendException {
        runs.incrementAndGet();
        lastRunner = Thread.currentThread();
        largestBatch = Math.max(largestBatch, input.dim(0));
        if (closes.get() > 0) {
            runsAfterClose.incrementAndGet();
            throw new BackendException("model " + name + " is closed");
        }
        if (backendFailure) {
            throw new BackendException("model " + name + " failed on purpose");
        }
        RuntimeException failure = runtimeFailure;
        if (failure != null) {
            throw failure;
        }
        if (sleepMillis > 0) {
            try {
                Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackendException("interrupted", e);
            }
        }
        float[] logits = new float[classes];
        logits[classIndex] = 1f;
        if (nan) {
            logits[0] = Float.NaN;
        }
        return Tensor.ofFloats(logits, 1, classes);
    }

    /** The largest first dimension of an input it ran (runs are on one thread at a time here). */
    long largestBatch() {
        return largestBatch;
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }

    @Override
    public String toString() {
        return name + "[runs=" + runs + ", closes=" + closes + "]";
    }

    void failWithBackendException() {
        backendFailure = true;
    }

    /** From now on (or no longer) the logits hold a NaN. */
    void giveNaN(boolean on) {
        nan = on;
    }

    void failWith(RuntimeException failure) {
        runtimeFailure = failure;
    }

    int runs() {
        return runs.get();
    }

    /** The thread of the latest run, null before the first. */
    Thread lastRunner() {
        return lastRunner;
    }

    int closes() {
        return closes.get();
    }

    boolean isClosed() {
        return closes.get() > 0;
    }

    int runsAfterClose() {
        return runsAfterClose.get();
    }
}
