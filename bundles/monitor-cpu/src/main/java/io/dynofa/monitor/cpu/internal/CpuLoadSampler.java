package io.dynofa.monitor.cpu.internal;

import io.dynofa.monitor.api.Metrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * System-wide CPU utilisation from the difference between consecutive {@code /proc/stat} samples.
 * {@link #sample()} runs on one thread; {@link #read()} and {@link #unavailableReason()} on any.
 */
final class CpuLoadSampler {
    static final String CPU_CORES = "cpu.cores";

    private final Path procStat;
    private volatile CpuTimes previous;
    private volatile OptionalDouble utilisation = OptionalDouble.empty();
    private volatile Optional<String> unavailableReason = Optional.empty();

    CpuLoadSampler(Path procStat) {
        this.procStat = procStat;
    }

    /** Reads the counters once; never throws. A failed read forgets everything measured so far. */
    void sample() {
        try {
            CpuTimes now = CpuTimes.parse(Files.readString(procStat, StandardCharsets.US_ASCII));
            CpuTimes before = previous;
            if (before != null) {
                OptionalDouble since = now.utilisationSince(before);
                if (since.isPresent()) {
                    utilisation = since;
                }
            }
            previous = now;
            unavailableReason = Optional.empty();
        } catch (IOException | RuntimeException e) {
            previous = null;
            utilisation = OptionalDouble.empty();
            unavailableReason = Optional.of("no /proc/stat: " + describe(e));
        }
    }

    Optional<String> unavailableReason() {
        return unavailableReason;
    }

    /** CPU load once two samples exist, plus the core count; empty while the source is unreadable. */
    Map<String, Double> read() {
        if (unavailableReason.isPresent()) {
            return Map.of();
        }
        double cores = Runtime.getRuntime().availableProcessors();
        OptionalDouble load = utilisation;
        return load.isPresent()
            ? Map.of(Metrics.CPU_LOAD, load.getAsDouble(), CPU_CORES, cores)
            : Map.of(CPU_CORES, cores);
    }

    private String describe(Exception e) {
        if (e instanceof NoSuchFileException) {
            return procStat + " does not exist";
        }
        if (e instanceof IOException) {
            return "cannot read " + procStat + " (" + e + ")";
        }
        return procStat + " is malformed: " + e.getMessage();
    }
}
