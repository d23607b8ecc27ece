package io.dynofa.monitor.memory.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.dynofa.config.testing.TestBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class MemoryMonitorTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void isNamedMemoryAndReadsTheConfiguredFiles() throws Exception {
        Path status = tmp.newFile("status").toPath();
        Path meminfo = tmp.newFile("meminfo").toPath();
        Files.writeString(status, KibFieldsTest.STATUS);
        Files.writeString(meminfo, MemInfoTest.MEMINFO);
        MemoryMonitor monitor = new MemoryMonitor(new TestBundle().context(), config(status, meminfo));

        assertEquals("memory", monitor.name());
        Map<String, Double> m = monitor.read();
        assertEquals(200.0, m.get(MemoryMetrics.RSS_MB), 0);
        assertEquals(0.25, m.get(MemoryMetrics.AVAILABLE_RATIO), 0);
        assertTrue(m.get(MemoryMetrics.HEAP_USED_MB) > 0);
        assertTrue(m.get(MemoryMetrics.HEAP_USED_MB) <= m.get(MemoryMetrics.HEAP_MAX_MB));
    }

    @Test
    public void staysAvailableWithTheRealHeapWhenNoProcFileIsReadable() {
        Path missing = tmp.getRoot().toPath().resolve("missing");
        MemoryMonitor monitor = new MemoryMonitor(new TestBundle().context(), config(missing, missing));
        assertTrue(monitor.unavailableReason().isEmpty());
        Map<String, Double> m = monitor.read();
        assertTrue(m.get(MemoryMetrics.HEAP_USED_MB) > 0);
        assertFalse(m.containsKey(MemoryMetrics.RSS_MB));
        assertFalse(m.containsKey(MemoryMetrics.AVAILABLE_MB));
    }

    private static Map<String, Object> config(Path status, Path meminfo) {
        return Map.of("procStatusPath", status.toString(), "meminfoPath", meminfo.toString());
    }
}
