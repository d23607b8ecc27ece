package io.dynofa.backend.gpu.internal;

import io.dynofa.config.internal.NotBlank;
import io.dynofa.config.internal.Range;
import io.dynofa.ort.internal.OptimizationLevel;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa GPU backend",
    description = "ONNX Runtime on a CUDA GPU. Without configuration one backend 'gpu' on device 0 runs; factory "
        + "configurations io.dynofa.backend.gpu~NAME give one backend each (give each a distinct dynofa.backend.id).")
public @interface GpuBackendConfig {

    @AttributeDefinition(name = "Backend id", description = "Published as the service property dynofa.backend.id")
    @NotBlank
    String dynofa_backend_id() default GpuBackend.DEFAULT_ID;

    @AttributeDefinition(description = "CUDA device ordinal (0 to 255)")
    @Range(min = 0, max = 255)
    int deviceId() default 0;

    @AttributeDefinition(description = "CPU threads per operator for the operators CUDA lacks (0 = ORT default; "
        + "at most 256)")
    @Range(min = 0, max = 256)
    int intraOpThreads() default 1;

    OptimizationLevel optimizationLevel() default OptimizationLevel.ALL_OPT;
}
