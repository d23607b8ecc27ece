package io.dynofa.family.provider.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa model-family provider",
    description = "Offers every valid <modelsDir>/<folder>/manifest.json as a ModelFamily service")
public @interface FamilyProviderConfig {

    @AttributeDefinition(description = "Folder holding one sub-folder per family; relative paths are resolved "
        + "against the JVM working directory")
    String modelsDir() default "models";

    @AttributeDefinition(description = "Milliseconds between two scans of modelsDir", min = "1")
    long scanIntervalMs() default 2000;
}
