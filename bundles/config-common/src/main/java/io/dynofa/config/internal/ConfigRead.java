package io.dynofa.config.internal;

import java.lang.annotation.Annotation;
import java.util.List;

/**
 * What {@link ConfigReader#read} made of a configuration.
 *
 * @param config the configuration to use: every attribute holds a usable value
 * @param problems one line per value rejected or key not understood; empty when the configuration is clean
 */
public record ConfigRead<A extends Annotation>(A config, List<String> problems) {

    public ConfigRead {
        problems = List.copyOf(problems);
    }
}
