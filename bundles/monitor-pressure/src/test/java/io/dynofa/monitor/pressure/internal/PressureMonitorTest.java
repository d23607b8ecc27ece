package io.dynofa.monitor.pressure.internal;

import static io.dynofa.monitor.pressure.internal.CpuPressureTest.psi;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PressureMonitorTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void samplesPeriodicallyUntilDeactivated() throws Exception {
        Path file = tmp.newFile("cpu").toPath();
        Files.writeString(file, psi(1.0, 2.0, 1_000));
        PressureMonitor monitor = new PressureMonitor(config(file, 10));
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
        PressureMonitor monitor = new PressureMonitor(config(tmp.getRoot().toPath().resolve("missing"), 250));
        try {
            assertTrue(monitor.unavailableReason().orElseThrow().startsWith("no PSI: "));
            assertTrue(monitor.read().isEmpty());
        } finally {
            monitor.deactivate();
        }
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsAZeroInterval() {
        new PressureMonitor(config(tmp.getRoot().toPath(), 0));
    }

    private void replaceAtomically(Path target, String text) throws Exception {
        Path next = tmp.newFile().toPath();
        Files.writeString(next, text);
        Files.move(next, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static PressureMonitorConfig config(Path pressureFile, long intervalMs) {
        return new PressureMonitorConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PressureMonitorConfig.class;
            }

            @Override
            public String pressurePath() {
                return pressureFile.toString();
            }

            @Override
            public long sampleIntervalMs() {
                return intervalMs;
            }
        };
    }
}
