package io.dynofa.soak.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What one soak run does, from the framework properties {@code dynofa.soak.*} that soak.sh sets. Every value is
 * bounded; a value that is not a whole number within its bounds is refused with the property's name.
 *
 * @param out the folder the report goes to ({@value #OUT}: its presence starts the soak)
 * @param name the report's file name without extension ({@code soak} gives soak.md and soak.csv)
 * @param cycles how many times each bundle is stopped, started and updated
 * @param dwell how long the load runs after each step and at the end of each cycle
 * @param rate requests per second of the load driver
 * @param readyTimeout how long the gateway may take to serve again after a step before it counts as not recovered
 * @param bundles the symbolic names to cycle; empty for every plug-in bundle ({@link PluginBundles})
 */
record SoakSettings(Path out, String name, int cycles, Duration dwell, int rate, Duration readyTimeout,
                    List<String> bundles) {
    static final String OUT = "dynofa.soak.out";

    /** The settings from {@code property} (null when unset); throws IllegalArgumentException naming a bad one. */
    static SoakSettings from(UnaryOperator<String> property) {
        String out = property.apply(OUT);
        if (out == null || out.isBlank()) {
            throw new IllegalArgumentException(OUT + " is not set");
        }
        String name = text(property, "dynofa.soak.name", "soak");
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("dynofa.soak.name must be 1 to 64 of A-Z a-z 0-9 . _ -, got '"
                + name + "'");
        }
        String bundles = text(property, "dynofa.soak.bundles", "");
        return new SoakSettings(Path.of(out), name,
            (int) number(property, "dynofa.soak.cycles", 100, 1, 100_000),
            Duration.ofMillis(number(property, "dynofa.soak.dwellMs", 500, 0, 60_000)),
            (int) number(property, "dynofa.soak.rate", 200, 1, 10_000),
            Duration.ofMillis(number(property, "dynofa.soak.readyTimeoutMs", 60_000, 1_000, 600_000)),
            Arrays.stream(bundles.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    private static String text(UnaryOperator<String> property, String key, String fallback) {
        String value = property.apply(key);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static long number(UnaryOperator<String> property, String key, long fallback, long min, long max) {
        String value = text(property, key, Long.toString(fallback));
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + value + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(key + " must be within " + min + ".." + max + ", got " + n);
        }
        return n;
    }
}
