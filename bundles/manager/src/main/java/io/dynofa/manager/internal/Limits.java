package io.dynofa.manager.internal;

/**
 * Bounds on the manager's work: admission of requests ({@link Admission}) and what checking a level
 * at load may cost ({@link LevelCheck}). Immutable and always valid.
 *
 * @param requestTimeoutMs longest wait for a turn or in the queue before DEADLINE_EXCEEDED
 * @param asyncQueueSize queued inferAsync requests at most; beyond, OVERLOADED
 * @param asyncThreads worker threads of inferAsync
 * @param maxConcurrentRuns model runs at once (resolved: never 0)
 * @param maxWaitingCallers infer callers that may wait for a turn; beyond, OVERLOADED
 * @param levelLoadTimeoutMs longest loading, checking and timing of one level
 * @param sampleCheckSize sample images each level classifies at load (0 = none)
 * @param sampleTolerancePct allowed difference from the manifest's sample top-1, percentage points
 * @param checkOutputs whether every response is checked for non-finite values
 * @param familyGraceMs how long the resident levels of a family that went away keep serving while no other
 *     family is registered (its provider being updated, say); 0 = stop serving at once
 */
record Limits(long requestTimeoutMs, int asyncQueueSize, int asyncThreads, int maxConcurrentRuns,
              int maxWaitingCallers, long levelLoadTimeoutMs, int sampleCheckSize, double sampleTolerancePct,
              boolean checkOutputs, long familyGraceMs) {
    static Limits of(ManagerConfig c) {
        return new Limits(c.requestTimeoutMs(), c.asyncQueueSize(), c.asyncThreads(),
            c.maxConcurrentRuns() == 0 ? processors() : c.maxConcurrentRuns(), c.maxWaitingCallers(),
            c.levelLoadTimeoutMs(), c.sampleCheckSize(), c.sampleTolerancePct(), c.checkOutputs(), c.familyGraceMs());
    }

    private static int processors() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
