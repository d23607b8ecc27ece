package io.dynofa.monitor.pressure.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Samples the CPU pressure file: the kernel's averages, plus the stalled share of the last interval
 * from the difference between consecutive stall-time counters. {@link #sample()} runs on one thread;
 * {@link #latest()} on any.
 */
final class PressureSampler {
    private final Path pressureFile;
    private final LongSupplier nanoClock;
    private volatile StallCounter previous;
    private volatile PressureReading latest = PressureReading.unavailable("not sampled yet");

    PressureSampler(Path pressureFile, LongSupplier nanoClock) {
        this.pressureFile = pressureFile;
        this.nanoClock = nanoClock;
    }

    /** Reads the file once; never throws. A failed read forgets the previous counter. */
    void sample() {
        try {
            CpuPressure pressure = CpuPressure.parse(Files.readString(pressureFile, StandardCharsets.ISO_8859_1));
            StallCounter now = new StallCounter(pressure.totalMicros(), nanoClock.getAsLong());
            latest = PressureReading.of(metrics(pressure, now, previous));
            previous = now;
        } catch (IOException | RuntimeException e) {
            previous = null;
            latest = PressureReading.unavailable("no PSI: " + describe(e));
        }
    }

    PressureReading latest() {
        return latest;
    }

    private static Map<String, Double> metrics(CpuPressure pressure, StallCounter now, StallCounter before) {
        Map<String, Double> metrics = new HashMap<>();
        metrics.put(PressureMetrics.SOME_AVG10, pressure.avg10());
        metrics.put(PressureMetrics.SOME_AVG60, pressure.avg60());
        if (before != null) {
            now.stalledShareSince(before).ifPresent(share -> metrics.put(PressureMetrics.SOME_RECENT, share));
        }
        return metrics;
    }

    private String describe(Exception e) {
        if (e instanceof NoSuchFileException) {
            return pressureFile + " does not exist";
        }
        if (e instanceof IOException) {
            return "cannot read " + pressureFile + " (" + e + ")";
        }
        return pressureFile + " is malformed: " + e.getMessage();
    }
}
