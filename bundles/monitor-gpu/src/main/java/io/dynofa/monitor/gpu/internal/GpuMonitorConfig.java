package io.dynofa.monitor.gpu.internal;

import io.dynofa.config.internal.NotBlank;
import io.dynofa.config.internal.Range;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa GPU monitor",
    description = "Utilisation, memory and temperature of NVIDIA GPUs, read through nvidia-smi")
public @interface GpuMonitorConfig {

    @AttributeDefinition(description = "The nvidia-smi executable: a path, or a name looked up on PATH")
    @NotBlank
    String nvidiaSmi() default "nvidia-smi";

    @AttributeDefinition(description = "Interval between samples, milliseconds (100 to 3600000)")
    @Range(min = 100, max = Range.HOUR_MS)
    long sampleIntervalMs() default 1000;

    @AttributeDefinition(description = "Longest a sample may take before nvidia-smi is abandoned, milliseconds"
        + " (100 to 60000)")
    @Range(min = 100, max = 60_000)
    long timeoutMs() default 2000;
}
