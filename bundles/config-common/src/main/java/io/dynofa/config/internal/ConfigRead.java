package io.dynofa.config.internal;

import io.dynofa.runtime.api.Problem;
import java.lang.annotation.Annotation;
import java.util.List;

/**
 * What {@link ConfigReader#read} made of a configuration.
 *
 * @param config the configuration to use: every attribute holds a usable value
 * @param details one problem per value rejected ({@link Problem#CONFIG_REJECTED}, subject the key) or for the keys
 *     not understood ({@link Problem#CONFIG_UNKNOWN_KEYS}); empty when the configuration is clean. Their source is
 *     left for the component to name.
 */
public record ConfigRead<A extends Annotation>(A config, List<Problem> details) {

    public ConfigRead {
        details = List.copyOf(details);
    }

    /** The problems' texts, for people. */
    public List<String> problems() {
        return details.stream().map(Problem::text).toList();
    }
}
