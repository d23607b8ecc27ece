package io.dynofa.monitor.thermal.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.Test;

public class ThermalMetricsTest {

    @Test
    public void oneMetricPerTypePlusTheHottestZone() {
        Map<String, Double> m = ThermalMetrics.of(List.of(new ZoneReading(0, "x86_pkg_temp", 61.0),
            new ZoneReading(1, "acpitz", 27.8)));
        assertEquals(Map.of("thermal.x86_pkg_temp.celsius", 61.0, "thermal.acpitz.celsius", 27.8,
            "thermal.max.celsius", 61.0), m);
    }

    @Test
    public void zonesSharingATypeAreTellApartByZoneNumber() {
        Map<String, Double> m = ThermalMetrics.of(List.of(new ZoneReading(0, "acpitz", 30.0),
            new ZoneReading(3, "acpitz", 52.5), new ZoneReading(4, "cpu-thermal", 40.0)));
        assertEquals(Map.of("thermal.acpitz-0.celsius", 30.0, "thermal.acpitz-3.celsius", 52.5,
            "thermal.cpu-thermal.celsius", 40.0, "thermal.max.celsius", 52.5), m);
    }

    @Test
    public void typesAreLowerCasedAndUnsafeCharactersReplaced() {
        Map<String, Double> m = ThermalMetrics.of(List.of(new ZoneReading(0, "INT3400 Thermal", 20.0),
            new ZoneReading(1, "SoC.dts/0", 35.0)));
        assertEquals(Map.of("thermal.int3400_thermal.celsius", 20.0, "thermal.soc_dts_0.celsius", 35.0,
            "thermal.max.celsius", 35.0), m);
    }

    @Test
    public void maximumOfBelowZeroTemperatures() {
        Map<String, Double> m = ThermalMetrics.of(List.of(new ZoneReading(0, "a", -12.0),
            new ZoneReading(1, "b", -3.5)));
        assertEquals(-3.5, m.get(ThermalMetrics.MAX_CELSIUS), 0);
    }

    @Test
    public void noMetricsWithoutZones() {
        assertTrue(ThermalMetrics.of(List.of()).isEmpty());
    }
}
