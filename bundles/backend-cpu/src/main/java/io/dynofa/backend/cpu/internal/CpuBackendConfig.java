package io.dynofa.backend.cpu.internal;

import io.dynofa.config.internal.NotBlank;
import io.dynofa.config.internal.Range;
import io.dynofa.ort.internal.ExecutionMode;
import io.dynofa.ort.internal.OptimizationLevel;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa CPU backend",
    description = "ONNX Runtime on the CPU. Without configuration one backend 'cpu' runs; once factory "
        + "configurations io.dynofa.backend.cpu~NAME exist, there is one backend per factory configuration "
        + "(give each a distinct dynofa.backend.id).")
public @interface CpuBackendConfig {
    /** Most threads of either ONNX Runtime pool. */
    int MAX_THREADS = 256;

    @AttributeDefinition(name = "Backend id", description = "Published as the service property dynofa.backend.id")
    @NotBlank
    String dynofa_backend_id() default CpuBackend.DEFAULT_ID;

    @AttributeDefinition(description = "Threads per operator (0 = ONNX Runtime default: one per core; at most 256)")
    @Range(min = 0, max = MAX_THREADS)
    int intraOpThreads() default 1;

    @AttributeDefinition(description = "Threads running independent operators (PARALLEL execution only; 0 = ONNX "
        + "Runtime default; at most 256)")
    @Range(min = 0, max = MAX_THREADS)
    int interOpThreads() default 1;

    OptimizationLevel optimizationLevel() default OptimizationLevel.ALL_OPT;

    @AttributeDefinition(description = "Use ONNX Runtime's CPU memory arena")
    boolean memoryArena() default true;

    ExecutionMode executionMode() default ExecutionMode.SEQUENTIAL;

    @AttributeDefinition(description = "Let idle threads of ONNX Runtime's pools spin for work (its own default) "
        + "instead of sleeping: slightly quicker requests with several threads, at the cost of processor time every "
        + "other application on the gateway would have used; no effect with one intra-op thread")
    boolean allowSpinning() default false;
}
