package io.dynofa.monitor.thermal.internal;

import java.nio.file.Path;
import java.util.List;

/** Samples every readable zone; {@link #sample()} runs on one thread, {@link #latest()} on any. */
final class ThermalSampler {
    private final Path thermalDir;
    private volatile ThermalReading latest;

    ThermalSampler(Path thermalDir) {
        this.thermalDir = thermalDir;
        this.latest = ThermalReading.unavailable("not sampled yet");
    }

    /** Replaces the latest reading; never throws. No readable zone makes the monitor unavailable. */
    void sample() {
        List<ZoneReading> zones = ThermalZones.readAll(thermalDir);
        latest = zones.isEmpty()
            ? ThermalReading.unavailable("no " + thermalDir + "/thermal_zone*/temp readable")
            : ThermalReading.of(ThermalMetrics.of(zones));
    }

    ThermalReading latest() {
        return latest;
    }
}
