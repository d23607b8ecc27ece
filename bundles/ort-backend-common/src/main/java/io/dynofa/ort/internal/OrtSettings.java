package io.dynofa.backend.cpu.internal;

import java.util.Objects;

/** How one CPU backend instance configures its ONNX Runtime sessions. */
public record CpuSettings(String id, int intraOpThreads, int interOpThreads, OptimizationLevel optimizationLevel,
                          boolean memoryArena, ExecutionMode executionMode) {

    static final String DEFAULT_ID = "cpu";

    public CpuSettings {
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

    /** One intra-op thread, full graph optimisation, arena on, sequential execution. */
    public static CpuSettings defaults() {
        return new CpuSettings(DEFAULT_ID, 1, 1, OptimizationLevel.ALL_OPT, true, ExecutionMode.SEQUENTIAL);
    }
}
