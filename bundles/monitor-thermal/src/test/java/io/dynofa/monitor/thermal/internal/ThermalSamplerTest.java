package io.dynofa.monitor.thermal.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.monitor.common.internal.Reading;
import io.dynofa.monitor.common.internal.Sampler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ThermalSamplerTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void unavailableWithTheReasonUntilAZoneIsReadable() throws Exception {
        ThermalDirectory dir = new ThermalDirectory(tmp.getRoot().toPath());
        Sampler sampler = new Sampler(new ThermalSource(dir.root()));
        sampler.sample();
        assertEquals("no " + dir.root() + "/thermal_zone*/temp readable",
            sampler.latest().unavailableReason().orElseThrow());
        assertTrue(sampler.latest().metrics().isEmpty());

        dir.zone("thermal_zone0", "acpitz", "33000");
        sampler.sample();
        assertTrue(sampler.latest().unavailableReason().isEmpty());
        assertEquals(Map.of("thermal.acpitz.celsius", 33.0, "thermal.max.celsius", 33.0), sampler.latest().metrics());
    }

    @Test
    public void becomesUnavailableAgainWhenTheLastZoneStopsReading() throws Exception {
        ThermalDirectory dir = new ThermalDirectory(tmp.getRoot().toPath()).zone("thermal_zone0", "acpitz", "33000");
        Sampler sampler = new Sampler(new ThermalSource(dir.root()));
        sampler.sample();
        Files.delete(dir.root().resolve("thermal_zone0/temp"));
        sampler.sample();
        assertTrue(sampler.latest().unavailableReason().isPresent());
        assertTrue(sampler.latest().metrics().isEmpty());
    }

    @Test
    public void thisHostEitherHasTemperaturesOrSaysWhyNot() {
        Sampler sampler = new Sampler(new ThermalSource(Path.of("/sys/class/thermal")));
        sampler.sample();
        Reading reading = sampler.latest();
        if (reading.unavailableReason().isPresent()) {
            assertEquals("no /sys/class/thermal/thermal_zone*/temp readable", reading.unavailableReason().get());
            assertTrue(reading.metrics().isEmpty());
        } else {
            assertTrue(reading.metrics().containsKey(ThermalMetrics.MAX_CELSIUS));
        }
    }
}
