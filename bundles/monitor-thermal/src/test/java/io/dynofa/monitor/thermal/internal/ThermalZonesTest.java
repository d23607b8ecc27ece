package io.dynofa.monitor.thermal.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ThermalZonesTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void readsEveryReadableZoneInZoneNumberOrder() throws Exception {
        ThermalDirectory dir = new ThermalDirectory(tmp.getRoot().toPath())
            .zone("thermal_zone10", "acpitz", "51000")
            .zone("thermal_zone2", "acpitz", "27800")
            .zone("thermal_zone0", "x86_pkg_temp", "45500");
        assertEquals(List.of(new ZoneReading(0, "x86_pkg_temp", 45.5), new ZoneReading(2, "acpitz", 27.8),
            new ZoneReading(10, "acpitz", 51.0)), ThermalZones.readAll(dir.root()));
    }

    @Test
    public void leavesOutZonesWithoutAReadableTemperatureOrType() throws Exception {
        ThermalDirectory dir = new ThermalDirectory(tmp.getRoot().toPath())
            .zone("thermal_zone0", "cpu-thermal", "-5250")
            .zone("thermal_zone1", "gpu-thermal", null)
            .zone("thermal_zone2", "soc-thermal", "n/a")
            .zone("thermal_zone3", null, "40000")
            .zone("thermal_zone4", " ", "40000");
        assertEquals(List.of(new ZoneReading(0, "cpu-thermal", -5.25)), ThermalZones.readAll(dir.root()));
    }

    @Test
    public void ignoresEntriesThatAreNotZones() throws Exception {
        ThermalDirectory dir = new ThermalDirectory(tmp.getRoot().toPath())
            .zone("cooling_device0", "Processor", "0")
            .zone("thermal_zone", "acpitz", "30000")
            .zone("thermal_zone1x", "acpitz", "30000");
        assertTrue(ThermalZones.readAll(dir.root()).isEmpty());
    }

    @Test
    public void noZonesInAMissingDirectory() {
        assertTrue(ThermalZones.readAll(tmp.getRoot().toPath().resolve("missing")).isEmpty());
    }
}
