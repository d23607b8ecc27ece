package io.dynofa.monitor.thermal.internal;

import io.dynofa.monitor.common.internal.Reading;
import io.dynofa.monitor.common.internal.ReadingSource;
import java.nio.file.Path;
import java.util.List;

/** Every readable zone; no readable zone makes the monitor unavailable. */
final class ThermalSource implements ReadingSource {
    private final Path thermalDir;

    ThermalSource(Path thermalDir) {
        this.thermalDir = thermalDir;
    }

    @Override
    public Reading read() {
        List<ZoneReading> zones = ThermalZones.readAll(thermalDir);
        return zones.isEmpty() ? Reading.unavailable(noZone()) : Reading.of(ThermalMetrics.of(zones));
    }

    @Override
    public String unavailableReason(Exception failure) {
        return noZone();
    }

    private String noZone() {
        return "no " + thermalDir + "/thermal_zone*/temp readable";
    }
}
