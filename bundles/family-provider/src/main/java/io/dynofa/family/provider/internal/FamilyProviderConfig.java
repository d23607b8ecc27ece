package io.dynofa.family.provider.internal;

import io.dynofa.config.internal.FilePath;
import io.dynofa.config.internal.Range;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa model-family provider",
    description = "Offers every valid <modelsDir>/<folder>/manifest.json as a ModelFamily service")
public @interface FamilyProviderConfig {

    @AttributeDefinition(description = "Folder holding one sub-folder per family; relative paths are resolved "
        + "against the JVM working directory")
    @FilePath
    String modelsDir() default "models";

    @AttributeDefinition(description = "Milliseconds between two scans of modelsDir (1 to 3600000)")
    @Range(min = 1, max = Range.HOUR_MS)
    long scanIntervalMs() default 2000;
}
