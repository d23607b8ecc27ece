package io.dynofa.ort.internal;

import java.util.Objects;

/**
 * How one ONNX Runtime backend instance configures its sessions, whatever its execution provider.
 *
 * @param spinning whether idle threads of the intra-op pool spin for work (ONNX Runtime's default) rather than
 *     sleep; spinning threads take processor time from every other application on the gateway
 */
public record OrtSettings(String id, int intraOpThreads, int interOpThreads, OptimizationLevel optimizationLevel,
                          boolean memoryArena, ExecutionMode executionMode, boolean spinning) {

    public OrtSettings {
        Objects.requireNonNull(optimizationLevel, "optimizationLevel");
        Objects.requireNonNull(executionMode, "executionMode");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("backend id must not be blank");
        }
        if (intraOpThreads < 0 || interOpThreads < 0) {
            throw new IllegalArgumentException("thread counts must be >= 0 (0 = ONNX Runtime default), got intra-op "
                + intraOpThreads + ", inter-op " + interOpThreads);
        }
    }

    /** Settings whose idle pool threads sleep. */
    public OrtSettings(String id, int intraOpThreads, int interOpThreads, OptimizationLevel optimizationLevel,
                       boolean memoryArena, ExecutionMode executionMode) {
        this(id, intraOpThreads, interOpThreads, optimizationLevel, memoryArena, executionMode, false);
    }

    /**
     * Backend {@code id} with one intra-op thread, full graph optimisation, arena on, sequential execution, idle
     * threads sleeping.
     */
    public static OrtSettings defaults(String id) {
        return new OrtSettings(id, 1, 1, OptimizationLevel.ALL_OPT, true, ExecutionMode.SEQUENTIAL);
    }

    /** Whether the sessions have a pool of their own (more than one thread), whose idle threads may spin. */
    boolean pooled() {
        return intraOpThreads != 1 || executionMode == ExecutionMode.PARALLEL;
    }
}
