package io.dynofa.manager.internal;

import java.util.List;

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
    static final Limits DEFAULTS = new Limits(1000, 256, 2, processors(), 256, 10_000, 200, 10.0, true, 10_000);

    /** The configured values, each invalid one replaced by {@code previous}'s with a line in {@code problems}. */
    static Limits of(ManagerConfig c, Limits previous, List<String> problems) {
        long timeout = Checked.orPrevious("requestTimeoutMs", c.requestTimeoutMs(),
            within(c.requestTimeoutMs(), 1, 60_000), "1 to 60000 ms", previous.requestTimeoutMs, problems);
        int queue = Checked.orPrevious("asyncQueueSize", c.asyncQueueSize(), within(c.asyncQueueSize(), 1, 65_536),
            "1 to 65536", previous.asyncQueueSize, problems);
        int threads = Checked.orPrevious("asyncThreads", c.asyncThreads(), within(c.asyncThreads(), 1, 256),
            "1 to 256", previous.asyncThreads, problems);
        int runs = Checked.orPrevious("maxConcurrentRuns", c.maxConcurrentRuns(),
            within(c.maxConcurrentRuns(), 0, 1024), "0 (one per processor) to 1024", previous.maxConcurrentRuns,
            problems);
        int waiting = Checked.orPrevious("maxWaitingCallers", c.maxWaitingCallers(),
            within(c.maxWaitingCallers(), 0, 65_536), "0 to 65536", previous.maxWaitingCallers, problems);
        long load = Checked.orPrevious("levelLoadTimeoutMs", c.levelLoadTimeoutMs(),
            within(c.levelLoadTimeoutMs(), 100, 600_000), "100 to 600000 ms", previous.levelLoadTimeoutMs, problems);
        int sample = Checked.orPrevious("sampleCheckSize", c.sampleCheckSize(), within(c.sampleCheckSize(), 0, 10_000),
            "0 (off) to 10000 images", previous.sampleCheckSize, problems);
        double tolerance = Checked.orPrevious("sampleTolerancePct", c.sampleTolerancePct(),
            c.sampleTolerancePct() >= 0 && c.sampleTolerancePct() <= 100, "0 to 100 percentage points",
            previous.sampleTolerancePct, problems);
        long grace = Checked.orPrevious("familyGraceMs", c.familyGraceMs(), within(c.familyGraceMs(), 0, 600_000),
            "0 (off) to 600000 ms", previous.familyGraceMs, problems);
        return new Limits(timeout, queue, threads, runs == 0 ? processors() : runs, waiting, load, sample, tolerance,
            c.checkOutputs(), grace);
    }

    private static boolean within(long value, long min, long max) {
        return value >= min && value <= max;
    }

    private static int processors() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
