package io.dynofa.bench.internal;

import io.dynofa.inference.api.InferenceResult;
import io.dynofa.inference.api.InferenceService;
import io.dynofa.inference.api.Tensor;

/**
 * The client thread of the switch measurement: infers continuously and, for the one switch being measured,
 * records the time from the decision to the first result on the target level and the latencies of the
 * next steady-state runs on it. The bench thread drives it through {@link #phase}.
 */
final class SwitchClient implements Runnable {
    private final InferenceService service;
    private final BenchPolicy policy;
    private final Tensor[] tensors;
    private final int steadyRuns;
    volatile boolean stop;
    volatile String target;
    volatile long pinnedAt;
    volatile boolean viaPolicy;
    /** 0 idle, 1 waiting for the first result on the target, 2 collecting steady-state runs, 3 done. */
    volatile int phase;
    long decisionToFirstResult;
    long decisionToFirstStart;
    long firstLatency;
    final long[] steady;
    int steadyCount;
    volatile Throwable failure;

    SwitchClient(InferenceService service, BenchPolicy policy, Tensor[] tensors, int steadyRuns) {
        this.service = service;
        this.policy = policy;
        this.tensors = tensors;
        this.steadyRuns = steadyRuns;
        this.steady = new long[steadyRuns];
    }

    @Override
    public void run() {
        int i = 0;
        try {
            while (!stop) {
                InferenceResult r = service.infer(tensors[i++ % Workload.IMAGES]);
                long end = System.nanoTime();
                int p = phase;
                if (p == 1 && r.levelId().equals(target)) {
                    long decided = viaPolicy ? policy.decidedAt() : pinnedAt;
                    decisionToFirstResult = end - decided;
                    decisionToFirstStart = end - r.latencyNanos() - decided;
                    firstLatency = r.latencyNanos();
                    steadyCount = 0;
                    phase = 2;
                } else if (p == 2 && r.levelId().equals(target)) {
                    steady[steadyCount++] = r.latencyNanos();
                    if (steadyCount == steadyRuns) {
                        phase = 3;
                    }
                }
            }
        } catch (Throwable t) {
            failure = t;
            phase = 3;
        }
    }
}
