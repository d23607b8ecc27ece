package io.dynofa.monitor.gpu.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa GPU monitor",
    description = "Utilisation, memory and temperature of NVIDIA GPUs, read through nvidia-smi")
public @interface GpuMonitorConfig {

    @AttributeDefinition(description = "The nvidia-smi executable: a path, or a name looked up on PATH")
    String nvidiaSmi() default "nvidia-smi";

    @AttributeDefinition(description = "Interval between samples, milliseconds", min = "100")
    long sampleIntervalMs() default 1000;

    @AttributeDefinition(description = "Longest a sample may take before nvidia-smi is abandoned, milliseconds",
        min = "100")
    long timeoutMs() default 2000;
}
