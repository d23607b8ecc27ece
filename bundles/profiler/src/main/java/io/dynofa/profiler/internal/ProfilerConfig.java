package io.dynofa.profiler.internal;

import io.dynofa.config.internal.FilePath;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa profiler", description = "Where device latency profiles are kept")
public @interface ProfilerConfig {

    @AttributeDefinition(description = "Folder of the profiles (relative to the gateway's working directory): "
        + "<familyId>/<backendId>.json with .png and .md beside")
    @FilePath
    String profilesDir() default "runtime-config/profiles";
}
