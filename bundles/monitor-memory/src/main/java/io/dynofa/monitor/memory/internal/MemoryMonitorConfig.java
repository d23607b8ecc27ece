package io.dynofa.monitor.memory.internal;

import io.dynofa.config.internal.FilePath;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa memory monitor",
    description = "JVM heap, process RSS and system memory available; the RSS and available-memory metrics are"
        + " left out where their file is unreadable")
public @interface MemoryMonitorConfig {

    @AttributeDefinition(description = "This process's status file, for VmRSS")
    @FilePath
    String procStatusPath() default "/proc/self/status";

    @AttributeDefinition(description = "The kernel's memory summary, for MemTotal and MemAvailable")
    @FilePath
    String meminfoPath() default "/proc/meminfo";
}
