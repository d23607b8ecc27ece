package io.dynofa.monitor.thermal.internal;

import io.dynofa.config.internal.FilePath;
import io.dynofa.config.internal.Range;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa thermal monitor",
    description = "Temperatures of the thermal zones in the sysfs thermal class directory")
public @interface ThermalMonitorConfig {

    @AttributeDefinition(description = "Directory holding the thermal_zone<N> directories")
    @FilePath
    String thermalDir() default "/sys/class/thermal";

    @AttributeDefinition(description = "Interval between samples, milliseconds (1 to 3600000)")
    @Range(min = 1, max = Range.HOUR_MS)
    long sampleIntervalMs() default 1000;
}
