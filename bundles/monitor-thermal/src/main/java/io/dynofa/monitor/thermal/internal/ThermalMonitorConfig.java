package io.dynofa.monitor.thermal.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa thermal monitor",
    description = "Temperatures of the thermal zones in the sysfs thermal class directory")
public @interface ThermalMonitorConfig {

    @AttributeDefinition(description = "Directory holding the thermal_zone<N> directories")
    String thermalDir() default "/sys/class/thermal";

    @AttributeDefinition(description = "Interval between samples, milliseconds", min = "1")
    long sampleIntervalMs() default 1000;
}
