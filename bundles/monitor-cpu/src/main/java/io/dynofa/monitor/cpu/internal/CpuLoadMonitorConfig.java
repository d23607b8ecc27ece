package io.dynofa.monitor.cpu.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa CPU-load monitor",
    description = "System-wide CPU utilisation sampled from /proc/stat")
public @interface CpuLoadMonitorConfig {

    @AttributeDefinition(description = "File with the kernel's CPU counters")
    String procStatPath() default "/proc/stat";

    @AttributeDefinition(description = "Interval between samples, milliseconds", min = "1")
    long sampleIntervalMs() default 250;
}
