package io.dynofa.monitor.pressure.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa CPU pressure monitor",
    description = "Linux pressure stall information (PSI) for the CPU: share of time some task waited for a CPU")
public @interface PressureMonitorConfig {

    @AttributeDefinition(description = "The kernel's CPU pressure file")
    String pressurePath() default "/proc/pressure/cpu";

    @AttributeDefinition(description = "Interval between samples, milliseconds; also the window of"
        + " pressure.cpu.some.recent", min = "1")
    long sampleIntervalMs() default 250;
}
