package io.dynofa.monitor.memory.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class MemoryReaderTest {
    private static final long MIB = 1024 * 1024;
    private static final MemoryUsage HEAP = new MemoryUsage(0, 96 * MIB, 128 * MIB, 512 * MIB);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path status;
    private Path meminfo;

    @Before
    public void writeSources() throws Exception {
        status = tmp.newFile("status").toPath();
        meminfo = tmp.newFile("meminfo").toPath();
        Files.writeString(status, KibFieldsTest.STATUS);
        Files.writeString(meminfo, MemInfoTest.MEMINFO);
    }

    @Test
    public void everyMetricFromReadableSources() {
        Map<String, Double> m = new MemoryReader(() -> HEAP, status, meminfo).read();
        assertEquals(96.0, m.get(MemoryMetrics.HEAP_USED_MB), 0);
        assertEquals(512.0, m.get(MemoryMetrics.HEAP_MAX_MB), 0);
        assertEquals(200.0, m.get(MemoryMetrics.RSS_MB), 0);
        assertEquals(2048.0, m.get(MemoryMetrics.AVAILABLE_MB), 0);
        assertEquals(0.25, m.get(MemoryMetrics.AVAILABLE_RATIO), 0);
    }

    @Test
    public void readsTheFilesAgainOnEveryCall() throws Exception {
        MemoryReader reader = new MemoryReader(() -> HEAP, status, meminfo);
        reader.read();
        Files.writeString(status, "VmRSS:\t  102400 kB\n");
        assertEquals(100.0, reader.read().get(MemoryMetrics.RSS_MB), 0);
    }

    @Test
    public void unreadableStatusLeavesOutOnlyTheRss() {
        Map<String, Double> m = new MemoryReader(() -> HEAP, tmp.getRoot().toPath().resolve("missing"), meminfo)
            .read();
        assertEquals(Set.of(MemoryMetrics.HEAP_USED_MB, MemoryMetrics.HEAP_MAX_MB, MemoryMetrics.AVAILABLE_MB,
            MemoryMetrics.AVAILABLE_RATIO), m.keySet());
    }

    @Test
    public void meminfoWithoutMemAvailableLeavesOutTheAvailableMetrics() throws Exception {
        Files.writeString(meminfo, "MemTotal:  8388608 kB\nMemFree:  1048576 kB\n");
        Map<String, Double> m = new MemoryReader(() -> HEAP, status, meminfo).read();
        assertEquals(Set.of(MemoryMetrics.HEAP_USED_MB, MemoryMetrics.HEAP_MAX_MB, MemoryMetrics.RSS_MB),
            m.keySet());
    }

    @Test
    public void heapOnlyWithoutAnyProcFile() {
        Path none = tmp.getRoot().toPath().resolve("none");
        Map<String, Double> m = new MemoryReader(() -> HEAP, none, none).read();
        assertEquals(Set.of(MemoryMetrics.HEAP_USED_MB, MemoryMetrics.HEAP_MAX_MB), m.keySet());
    }

    @Test
    public void undefinedHeapMaximumIsLeftOut() {
        MemoryUsage unbounded = new MemoryUsage(0, 10 * MIB, 20 * MIB, -1);
        Map<String, Double> m = new MemoryReader(() -> unbounded, status, meminfo).read();
        assertEquals(10.0, m.get(MemoryMetrics.HEAP_USED_MB), 0);
        assertFalse(m.containsKey(MemoryMetrics.HEAP_MAX_MB));
    }

    @Test
    public void realProcFilesGiveARssAndARatio() {
        Path realStatus = Path.of("/proc/self/status");
        Path realMeminfo = Path.of("/proc/meminfo");
        assumeTrue("needs Linux /proc", Files.isReadable(realStatus) && Files.isReadable(realMeminfo));
        Map<String, Double> m = new MemoryReader(() -> HEAP, realStatus, realMeminfo).read();
        assertTrue("rss " + m.get(MemoryMetrics.RSS_MB), m.get(MemoryMetrics.RSS_MB) > 1.0);
        double ratio = m.get(MemoryMetrics.AVAILABLE_RATIO);
        assertTrue("ratio " + ratio, ratio > 0 && ratio <= 1);
    }
}
