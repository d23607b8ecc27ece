package io.dynofa.monitor.pressure.internal;

import io.dynofa.config.internal.FilePath;
import io.dynofa.config.internal.Range;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa CPU pressure monitor",
    description = "Linux pressure stall information (PSI) for the CPU: share of time some task waited for a CPU")
public @interface PressureMonitorConfig {

    @AttributeDefinition(description = "The kernel's CPU pressure file")
    @FilePath
    String pressurePath() default "/proc/pressure/cpu";

    @AttributeDefinition(description = "Interval between samples, milliseconds (1 to 3600000); also the window of"
        + " pressure.cpu.some.recent")
    @Range(min = 1, max = Range.HOUR_MS)
    long sampleIntervalMs() default 250;
}
