package io.dynofa.monitor.cpu.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import io.dynofa.monitor.api.Metrics;
import io.dynofa.monitor.common.internal.Sampler;
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
        Sampler sampler = new Sampler(new CpuLoadSource(stat));

        sampler.sample();
        assertTrue(sampler.latest().unavailableReason().isEmpty());
        assertFalse(sampler.latest().metrics().containsKey(Metrics.CPU_LOAD));

        Files.writeString(stat, CpuTimesTest.SECOND);
        sampler.sample();
        Map<String, Double> m = sampler.latest().metrics();
        assertEquals(100.0 / 210.0, m.get(Metrics.CPU_LOAD), 1e-12);
        assertEquals(Runtime.getRuntime().availableProcessors(), m.get(CpuLoadSource.CPU_CORES), 0);
    }

    @Test
    public void missingFileIsUnavailableWithReason() {
        Path missing = tmp.getRoot().toPath().resolve("no-such-stat");
        Sampler sampler = new Sampler(new CpuLoadSource(missing));
        sampler.sample();
        assertEquals("no /proc/stat: " + missing + " does not exist", sampler.latest().unavailableReason().orElseThrow());
        assertTrue(sampler.latest().metrics().isEmpty());
    }

    @Test
    public void malformedFileIsUnavailableAndForgetsEarlierLoad() throws Exception {
        Path stat = tmp.newFile("stat").toPath();
        Files.writeString(stat, CpuTimesTest.FIRST);
        Sampler sampler = new Sampler(new CpuLoadSource(stat));
        sampler.sample();
        Files.writeString(stat, CpuTimesTest.SECOND);
        sampler.sample();

        Files.writeString(stat, "garbage\n");
        sampler.sample();
        assertTrue(sampler.latest().unavailableReason().orElseThrow().startsWith("no /proc/stat: "));
        assertTrue(sampler.latest().metrics().isEmpty());

        Files.writeString(stat, CpuTimesTest.FIRST);
        sampler.sample();
        assertTrue(sampler.latest().unavailableReason().isEmpty());
        assertFalse(sampler.latest().metrics().containsKey(Metrics.CPU_LOAD));
    }

    @Test
    public void realProcStatGivesALoadBetweenZeroAndOne() throws Exception {
        Path proc = Path.of("/proc/stat");
        assumeTrue("needs Linux /proc/stat", Files.isReadable(proc));
        Sampler sampler = new Sampler(new CpuLoadSource(proc));
        sampler.sample();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!sampler.latest().metrics().containsKey(Metrics.CPU_LOAD) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            sampler.sample();
        }
        double load = sampler.latest().metrics().get(Metrics.CPU_LOAD);
        assertTrue("load " + load, load >= 0.0 && load <= 1.0);
    }
}
