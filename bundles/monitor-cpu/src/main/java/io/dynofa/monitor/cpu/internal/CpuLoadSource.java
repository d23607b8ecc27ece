package io.dynofa.monitor.cpu.internal;

import io.dynofa.monitor.api.Metrics;
import io.dynofa.monitor.common.internal.FileFailure;
import io.dynofa.monitor.common.internal.Reading;
import io.dynofa.monitor.common.internal.ReadingSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;

/** System-wide CPU utilisation from the difference between consecutive {@code /proc/stat} samples. */
final class CpuLoadSource implements ReadingSource {
    static final String CPU_CORES = "cpu.cores";

    private final Path procStat;
    private CpuTimes previous;
    private OptionalDouble utilisation = OptionalDouble.empty();

    CpuLoadSource(Path procStat) {
        this.procStat = procStat;
    }

    /** CPU load once two samples exist, plus the core count. */
    @Override
    public Reading read() throws IOException {
        CpuTimes now = CpuTimes.parse(Files.readString(procStat, StandardCharsets.US_ASCII));
        if (previous != null) {
            OptionalDouble since = now.utilisationSince(previous);
            if (since.isPresent()) {
                utilisation = since;
            }
        }
        previous = now;
        double cores = Runtime.getRuntime().availableProcessors();
        return Reading.of(utilisation.isPresent()
            ? Map.of(Metrics.CPU_LOAD, utilisation.getAsDouble(), CPU_CORES, cores)
            : Map.of(CPU_CORES, cores));
    }

    @Override
    public String unavailableReason(Exception failure) {
        return "no /proc/stat: " + FileFailure.describe(procStat, failure);
    }

    @Override
    public void forget() {
        previous = null;
        utilisation = OptionalDouble.empty();
    }
}
