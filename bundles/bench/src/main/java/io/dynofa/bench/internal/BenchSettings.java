package io.dynofa.bench.internal;

import java.nio.file.Path;

/**
 * What the bench was asked for: the mode ({@code full}, {@code quick}, {@code coldstart}, {@code memory} or
 * {@code idle}; {@code memory} measures at the quick sizes), the sample
 * images, and when the launcher started (-1 when unknown).
 */
record BenchSettings(String mode, Path sample, long launchEpochMs) {
    boolean quick() {
        return mode.equals("quick") || mode.equals("memory");
    }
}
