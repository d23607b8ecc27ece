package io.dynofa.ort.internal;

import java.util.Objects;

/** How one ONNX Runtime backend instance configures its sessions, whatever its execution provider. */
public record OrtSettings(String id, int intraOpThreads, int interOpThreads, OptimizationLevel optimizationLevel,
                          boolean memoryArena, ExecutionMode executionMode) {

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

    /** Backend {@code id} with one intra-op thread, full graph optimisation, arena on, sequential execution. */
    public static OrtSettings defaults(String id) {
        return new OrtSettings(id, 1, 1, OptimizationLevel.ALL_OPT, true, ExecutionMode.SEQUENTIAL);
    }
}
