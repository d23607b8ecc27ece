package io.dynofa.monitor.pressure.internal;

import static io.dynofa.monitor.pressure.internal.CpuPressureTest.psi;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.config.testing.TestBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PressureMonitorTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private final TestBundle bundle = new TestBundle();

    @Test
    public void samplesPeriodicallyUntilDeactivated() throws Exception {
        Path file = tmp.newFile("cpu").toPath();
        Files.writeString(file, psi(1.0, 2.0, 1_000));
        PressureMonitor monitor = monitor(file, 10);
        try {
            assertEquals("cpu-pressure", monitor.name());
            assertTrue("sampled on activation", monitor.unavailableReason().isEmpty());
            assertEquals(1.0, monitor.read().get(PressureMetrics.SOME_AVG10), 0);
            replaceAtomically(file, psi(7.0, 2.0, 1_000));
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (monitor.read().get(PressureMetrics.SOME_AVG10) != 7.0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(7.0, monitor.read().get(PressureMetrics.SOME_AVG10), 0);
            assertEquals("counter did not move", 0.0, monitor.read().get(PressureMetrics.SOME_RECENT), 0);
        } finally {
            monitor.deactivate();
        }
        Files.delete(file);
        Thread.sleep(100);
        assertTrue("no sampling after deactivate", monitor.unavailableReason().isEmpty());
    }

    @Test
    public void unavailableRightAfterActivationWhenTheFileIsMissing() {
        PressureMonitor monitor = monitor(tmp.getRoot().toPath().resolve("missing"), 250);
        try {
            assertTrue(monitor.unavailableReason().orElseThrow().startsWith("no PSI: "));
            assertTrue(monitor.read().isEmpty());
        } finally {
            monitor.deactivate();
        }
    }

    @Test
    public void aZeroIntervalKeepsTheOneInForceAndIsNamedUntilDeactivated() {
        PressureMonitor monitor = monitor(tmp.getRoot().toPath(), 0);
        try {
            assertEquals(List.of("sampleIntervalMs '0' rejected (must be from 1 to 3600000); keeping 250"),
                bundle.problems());
        } finally {
            monitor.deactivate();
        }
        assertEquals(0, bundle.sources());
    }

    private void replaceAtomically(Path target, String text) throws Exception {
        Path next = tmp.newFile().toPath();
        Files.writeString(next, text);
        Files.move(next, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private PressureMonitor monitor(Path pressureFile, long intervalMs) {
        return new PressureMonitor(bundle.context(),
            Map.of("pressurePath", pressureFile.toString(), "sampleIntervalMs", intervalMs));
    }
}
