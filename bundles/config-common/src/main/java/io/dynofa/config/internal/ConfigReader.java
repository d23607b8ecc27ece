package io.dynofa.config.internal;

import io.dynofa.runtime.api.Problem;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the raw properties Declarative Services hands to a component into its configuration annotation
 * so that a bad edit never takes effect and never goes unnoticed:
 * <ul>
 * <li>property names follow the Declarative Services rules for annotation methods
 *     ({@code dynofa_backend_id} is {@code dynofa.backend.id}, see {@link PropertyNames});</li>
 * <li>a value that cannot be converted to the method's type (a non-numeric or empty number, NaN or an
 *     infinity, an unknown enum constant) or breaks the method's rule ({@link Range}, {@link NotBlank},
 *     {@link FilePath}) is rejected: the value in force is kept and a problem line says
 *     "{@code <key> '<value>' rejected (<why>); keeping <in force>}";</li>
 * <li>a key that is no attribute, no framework key ({@code service.*}, {@code component.*},
 *     {@code felix.fileinstall.*}, {@code osgi.ds.*}) and none the component documents is named as a
 *     problem; a configuration holding such keys looks damaged (a file of random bytes, say), so every
 *     attribute it does not set keeps the value in force instead of reverting to its default. In a clean
 *     configuration a key left out means the attribute's default, as usual.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class ConfigReader<A extends Annotation> {
    private static final List<String> FRAMEWORK_PREFIXES = List.of("service.", "component.", "felix.fileinstall.",
        "osgi.ds.");
    /** Unknown keys named in the problem line; the rest are counted. */
    private static final int UNKNOWN_SHOWN = 5;

    private final Class<A> type;
    private final List<Attribute> attributes;
    private final Set<String> documented;

    private ConfigReader(Class<A> type, List<Attribute> attributes, Set<String> documented) {
        this.type = type;
        this.attributes = attributes;
        this.documented = documented;
    }

    /**
     * A reader for configuration annotation {@code type}.
     *
     * @param documentedKeys further keys the component documents (for instance its own service properties
     *     such as {@code dynofa.policy}); they are not attributes but not unknown either
     * @throws IllegalArgumentException when {@code type} has an attribute of a type this reader cannot fill
     *     or without a default
     */
    public static <A extends Annotation> ConfigReader<A> of(Class<A> type, String... documentedKeys) {
        List<Attribute> attributes = Stream.of(type.getDeclaredMethods())
            .filter(m -> m.getParameterCount() == 0 && !m.isSynthetic())
            .map(Attribute::new)
            .sorted(Comparator.comparing(Attribute::key))
            .toList();
        return new ConfigReader<>(type, attributes, Set.of(documentedKeys));
    }

    /**
     * Reads {@code properties} against the configuration in force.
     *
     * @param inForce the configuration in force (the last one this reader returned), or null on first
     *     activation, when the defaults are in force
     */
    public ConfigRead<A> read(Map<String, ?> properties, A inForce) {
        List<String> unknown = properties.keySet().stream().filter(key -> !known(key)).sorted().toList();
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> values = new HashMap<>();
        for (Attribute attribute : attributes) {
            Object kept = inForce == null ? attribute.defaultValue() : attribute.valueIn(inForce);
            Object value;
            if (!properties.containsKey(attribute.key())) {
                value = unknown.isEmpty() ? attribute.defaultValue() : kept;
            } else {
                Object raw = properties.get(attribute.key());
                try {
                    value = attribute.read(raw);
                } catch (Rejected rejected) {
                    problems.add(new Problem(null, Problem.CONFIG_REJECTED, attribute.key(), attribute.key() + " "
                        + Texts.quoted(raw) + " rejected (" + rejected.reason() + "); keeping " + Texts.inForce(kept)));
                    value = kept;
                }
            }
            values.put(attribute.name(), value);
        }
        if (!unknown.isEmpty()) {
            problems.add(new Problem(null, Problem.CONFIG_UNKNOWN_KEYS, null, unknownKeys(unknown)));
        }
        return new ConfigRead<>(ConfigProxy.of(type, values), problems);
    }

    /** The configuration with every attribute at its default. */
    public A defaults() {
        return read(Map.of(), null).config();
    }

    /** The properties, by key, that {@link #read} turns into {@code config} (for tests, say). */
    public Map<String, Object> properties(A config) {
        Map<String, Object> properties = new HashMap<>();
        attributes.forEach(attribute -> properties.put(attribute.key(), attribute.valueIn(config)));
        return properties;
    }

    private boolean known(String key) {
        return documented.contains(key) || FRAMEWORK_PREFIXES.stream().anyMatch(key::startsWith)
            || attributes.stream().anyMatch(a -> a.key().equals(key));
    }

    private String unknownKeys(List<String> unknown) {
        String named = unknown.stream().limit(UNKNOWN_SHOWN).map(Texts::quoted).collect(Collectors.joining(", "));
        String more = unknown.size() > UNKNOWN_SHOWN ? " and " + (unknown.size() - UNKNOWN_SHOWN) + " more" : "";
        String known = attributes.stream().map(Attribute::key).collect(Collectors.joining(", "));
        return (unknown.size() == 1 ? "unknown key " : "unknown keys ") + named + more
            + " ignored: the configuration looks damaged, so the properties it does not set keep the values in force"
            + " (known keys: " + known + ")";
    }
}
