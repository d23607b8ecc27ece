package io.dynofa.monitor.thermal.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.config.testing.TestBundle;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ThermalMonitorTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private final TestBundle bundle = new TestBundle();

    @Test
    public void keepsTheLatestSampleUntilDeactivated() throws Exception {
        ThermalDirectory dir = new ThermalDirectory(tmp.getRoot().toPath()).zone("thermal_zone0", "acpitz", "40000");
        ThermalMonitor monitor = monitor(dir.root(), 10);
        try {
            assertEquals("thermal", monitor.name());
            assertTrue("sampled on activation", monitor.unavailableReason().isEmpty());
            assertEquals(40.0, monitor.read().get(ThermalMetrics.MAX_CELSIUS), 0);
            dir.zone("thermal_zone0", "acpitz", "47000");
            awaitMax(monitor, 47.0);
        } finally {
            monitor.deactivate();
        }
        dir.zone("thermal_zone0", "acpitz", "52000");
        Thread.sleep(100);
        assertEquals("no sampling after deactivate", 47.0, monitor.read().get(ThermalMetrics.MAX_CELSIUS), 0);
    }

    @Test
    public void unavailableRightAfterActivationWithoutZones() {
        ThermalMonitor monitor = monitor(tmp.getRoot().toPath(), 1000);
        try {
            assertTrue(monitor.unavailableReason().orElseThrow().endsWith("/thermal_zone*/temp readable"));
            assertTrue(monitor.read().isEmpty());
        } finally {
            monitor.deactivate();
        }
    }

    @Test
    public void aZeroIntervalKeepsTheOneInForceAndIsNamedUntilDeactivated() {
        ThermalMonitor monitor = monitor(tmp.getRoot().toPath(), 0);
        try {
            assertEquals(List.of("sampleIntervalMs '0' rejected (must be from 1 to 3600000); keeping 1000"),
                bundle.problems());
        } finally {
            monitor.deactivate();
        }
        assertEquals(0, bundle.sources());
    }

    @Test
    public void aModifiedConfigurationSamplesTheNewFolderAndABadValueKeepsTheOneInForce() throws Exception {
        ThermalDirectory first = new ThermalDirectory(tmp.newFolder("a").toPath()).zone("thermal_zone0", "x", "40000");
        ThermalDirectory second = new ThermalDirectory(tmp.newFolder("b").toPath()).zone("thermal_zone0", "x", "60000");
        ThermalMonitor monitor = monitor(first.root(), 10);
        try {
            monitor.modified(Map.of("thermalDir", second.root().toString(), "sampleIntervalMs", "abc"));
            assertEquals("sampled on modification", 60.0, monitor.read().get(ThermalMetrics.MAX_CELSIUS), 0);
            assertEquals(List.of("sampleIntervalMs 'abc' rejected (not a whole number); keeping 10"),
                bundle.problems());
            second.zone("thermal_zone0", "x", "61000");
            awaitMax(monitor, 61.0);
            monitor.modified(Map.of("thermalDir", second.root().toString(), "sampleIntervalMs", 10L));
            assertEquals(List.of(), bundle.problems());
        } finally {
            monitor.deactivate();
        }
    }

    private static void awaitMax(ThermalMonitor monitor, double celsius) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (monitor.read().getOrDefault(ThermalMetrics.MAX_CELSIUS, Double.NaN) != celsius && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(celsius, monitor.read().get(ThermalMetrics.MAX_CELSIUS), 0);
    }

    private ThermalMonitor monitor(Path thermalDir, long intervalMs) {
        return new ThermalMonitor(bundle.context(),
            Map.of("thermalDir", thermalDir.toString(), "sampleIntervalMs", intervalMs));
    }
}
