package io.dynofa.monitor.cpu.internal;

import io.dynofa.config.internal.FilePath;
import io.dynofa.config.internal.Range;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa CPU-load monitor",
    description = "System-wide CPU utilisation sampled from /proc/stat")
public @interface CpuLoadMonitorConfig {

    @AttributeDefinition(description = "File with the kernel's CPU counters")
    @FilePath
    String procStatPath() default "/proc/stat";

    @AttributeDefinition(description = "Interval between samples, milliseconds (1 to 3600000)")
    @Range(min = 1, max = Range.HOUR_MS)
    long sampleIntervalMs() default 250;
}
