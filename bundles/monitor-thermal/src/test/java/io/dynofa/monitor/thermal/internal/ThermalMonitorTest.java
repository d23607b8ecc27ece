package io.dynofa.monitor.thermal.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ThermalMonitorTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void keepsTheLatestSampleUntilDeactivated() throws Exception {
        ThermalDirectory dir = new ThermalDirectory(tmp.getRoot().toPath()).zone("thermal_zone0", "acpitz", "40000");
        ThermalMonitor monitor = new ThermalMonitor(config(dir.root(), 10));
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
        ThermalMonitor monitor = new ThermalMonitor(config(tmp.getRoot().toPath(), 1000));
        try {
            assertTrue(monitor.unavailableReason().orElseThrow().endsWith("/thermal_zone*/temp readable"));
            assertTrue(monitor.read().isEmpty());
        } finally {
            monitor.deactivate();
        }
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsAZeroInterval() {
        new ThermalMonitor(config(tmp.getRoot().toPath(), 0));
    }

    private static void awaitMax(ThermalMonitor monitor, double celsius) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (monitor.read().getOrDefault(ThermalMetrics.MAX_CELSIUS, Double.NaN) != celsius && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(celsius, monitor.read().get(ThermalMetrics.MAX_CELSIUS), 0);
    }

    private static ThermalMonitorConfig config(Path thermalDir, long intervalMs) {
        return new ThermalMonitorConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ThermalMonitorConfig.class;
            }

            @Override
            public String thermalDir() {
                return thermalDir.toString();
            }

            @Override
            public long sampleIntervalMs() {
                return intervalMs;
            }
        };
    }
}
