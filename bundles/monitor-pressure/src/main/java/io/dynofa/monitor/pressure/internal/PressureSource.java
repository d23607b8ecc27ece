package io.dynofa.monitor.pressure.internal;

import io.dynofa.monitor.common.internal.FileFailure;
import io.dynofa.monitor.common.internal.Reading;
import io.dynofa.monitor.common.internal.ReadingSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The CPU pressure file: the kernel's averages, plus the stalled share of the last interval from the
 * difference between consecutive stall-time counters.
 */
final class PressureSource implements ReadingSource {
    private final Path pressureFile;
    private final LongSupplier nanoClock;
    private StallCounter previous;

    PressureSource(Path pressureFile, LongSupplier nanoClock) {
        this.pressureFile = pressureFile;
        this.nanoClock = nanoClock;
    }

    @Override
    public Reading read() throws IOException {
        CpuPressure pressure = CpuPressure.parse(Files.readString(pressureFile, StandardCharsets.ISO_8859_1));
        StallCounter now = new StallCounter(pressure.totalMicros(), nanoClock.getAsLong());
        Reading reading = Reading.of(metrics(pressure, now, previous));
        previous = now;
        return reading;
    }

    @Override
    public String unavailableReason(Exception failure) {
        return "no PSI: " + FileFailure.describe(pressureFile, failure);
    }

    @Override
    public void forget() {
        previous = null;
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
}
