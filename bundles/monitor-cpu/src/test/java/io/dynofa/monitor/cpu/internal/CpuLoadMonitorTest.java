package io.dynofa.monitor.cpu.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.config.testing.TestBundle;
import io.dynofa.monitor.api.Metrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class CpuLoadMonitorTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private final TestBundle bundle = new TestBundle();

    @Test
    public void samplesPeriodicallyUntilDeactivated() throws Exception {
        Path stat = tmp.newFile("stat").toPath();
        Files.writeString(stat, CpuTimesTest.FIRST);
        CpuLoadMonitor monitor = monitor(stat, 10);
        try {
            assertEquals("cpu-load", monitor.name());
            assertTrue(monitor.unavailableReason().isEmpty());
            replaceAtomically(stat, CpuTimesTest.SECOND);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!monitor.read().containsKey(Metrics.CPU_LOAD) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(100.0 / 210.0, monitor.read().get(Metrics.CPU_LOAD), 1e-12);
        } finally {
            monitor.deactivate();
        }
        Files.delete(stat);
        Thread.sleep(100);
        assertTrue("no sampling after deactivate", monitor.unavailableReason().isEmpty());
    }

    @Test
    public void unavailableRightAfterActivationWhenTheFileIsMissing() {
        CpuLoadMonitor monitor = monitor(tmp.getRoot().toPath().resolve("missing"), 250);
        try {
            assertTrue(monitor.unavailableReason().orElseThrow().startsWith("no /proc/stat: "));
            assertTrue(monitor.read().isEmpty());
        } finally {
            monitor.deactivate();
        }
    }

    private void replaceAtomically(Path target, String text) throws Exception {
        Path next = tmp.newFile().toPath();
        Files.writeString(next, text);
        Files.move(next, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private CpuLoadMonitor monitor(Path procStat, long intervalMs) {
        return new CpuLoadMonitor(bundle.context(),
            Map.of("procStatPath", procStat.toString(), "sampleIntervalMs", intervalMs));
    }
}
