package io.dynofa.monitor.memory.internal;

import java.util.OptionalLong;

/** Finds {@code Name:   1234 kB} lines, the format of {@code /proc/meminfo} and {@code /proc/<pid>/status}. */
final class KibFields {
    private static final String UNIT = "kB";

    private KibFields() {
    }

    /**
     * The value of the line named exactly {@code name}, in KiB; empty when there is no such line.
     *
     * @throws IllegalArgumentException when the line is not {@code <non-negative number> kB}
     */
    static OptionalLong find(String text, String name) {
        String prefix = name + ":";
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) {
                return OptionalLong.of(parseKib(name, line.substring(prefix.length()).trim()));
            }
        }
        return OptionalLong.empty();
    }

    private static long parseKib(String name, String value) {
        String[] parts = value.split("\\s+");
        if (parts.length != 2 || !parts[1].equals(UNIT)) {
            throw new IllegalArgumentException(name + " is not '<number> kB': " + value);
        }
        try {
            long kib = Long.parseLong(parts[0]);
            if (kib < 0) {
                throw new IllegalArgumentException(name + " is negative: " + value);
            }
            return kib;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: " + value);
        }
    }
}
