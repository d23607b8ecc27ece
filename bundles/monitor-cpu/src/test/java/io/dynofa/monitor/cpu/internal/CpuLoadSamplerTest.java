package io.dynofa.monitor.cpu.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import io.dynofa.monitor.api.Metrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class CpuLoadSamplerTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void loadAppearsOnceTwoSamplesExist() throws Exception {
        Path stat = tmp.newFile("stat").toPath();
        Files.writeString(stat, CpuTimesTest.FIRST);
        CpuLoadSampler sampler = new CpuLoadSampler(stat);

        sampler.sample();
        assertTrue(sampler.unavailableReason().isEmpty());
        assertFalse(sampler.read().containsKey(Metrics.CPU_LOAD));

        Files.writeString(stat, CpuTimesTest.SECOND);
        sampler.sample();
        Map<String, Double> m = sampler.read();
        assertEquals(100.0 / 210.0, m.get(Metrics.CPU_LOAD), 1e-12);
        assertEquals(Runtime.getRuntime().availableProcessors(), m.get(CpuLoadSampler.CPU_CORES), 0);
    }

    @Test
    public void missingFileIsUnavailableWithReason() {
        Path missing = tmp.getRoot().toPath().resolve("no-such-stat");
        CpuLoadSampler sampler = new CpuLoadSampler(missing);
        sampler.sample();
        assertEquals("no /proc/stat: " + missing + " does not exist", sampler.unavailableReason().orElseThrow());
        assertTrue(sampler.read().isEmpty());
    }

    @Test
    public void malformedFileIsUnavailableAndForgetsEarlierLoad() throws Exception {
        Path stat = tmp.newFile("stat").toPath();
        Files.writeString(stat, CpuTimesTest.FIRST);
        CpuLoadSampler sampler = new CpuLoadSampler(stat);
        sampler.sample();
        Files.writeString(stat, CpuTimesTest.SECOND);
        sampler.sample();

        Files.writeString(stat, "garbage\n");
        sampler.sample();
        assertTrue(sampler.unavailableReason().orElseThrow().startsWith("no /proc/stat: "));
        assertTrue(sampler.read().isEmpty());

        Files.writeString(stat, CpuTimesTest.FIRST);
        sampler.sample();
        assertTrue(sampler.unavailableReason().isEmpty());
        assertFalse(sampler.read().containsKey(Metrics.CPU_LOAD));
    }

    @Test
    public void realProcStatGivesALoadBetweenZeroAndOne() throws Exception {
        Path proc = Path.of("/proc/stat");
        assumeTrue("needs Linux /proc/stat", Files.isReadable(proc));
        CpuLoadSampler sampler = new CpuLoadSampler(proc);
        sampler.sample();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!sampler.read().containsKey(Metrics.CPU_LOAD) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            sampler.sample();
        }
        double load = sampler.read().get(Metrics.CPU_LOAD);
        assertTrue("load " + load, load >= 0.0 && load <= 1.0);
    }
}
