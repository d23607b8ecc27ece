package io.dynofa.monitor.pressure.internal;

import static io.dynofa.monitor.pressure.internal.CpuPressureTest.psi;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import io.dynofa.monitor.common.internal.Sampler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PressureSamplerTest {
    private static final long MS = 1_000_000L;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private long nowNanos = 5_000 * MS;

    @Test
    public void averagesAtOnceAndTheRecentShareFromTheSecondSample() throws Exception {
        Path file = tmp.newFile("cpu").toPath();
        Files.writeString(file, psi(3.5, 2.25, 1_000_000));
        Sampler sampler = new Sampler(new PressureSource(file, () -> nowNanos));

        sampler.sample();
        Map<String, Double> first = sampler.latest().metrics();
        assertEquals(Map.of(PressureMetrics.SOME_AVG10, 3.5, PressureMetrics.SOME_AVG60, 2.25), first);

        Files.writeString(file, psi(4.0, 2.5, 1_100_000));
        nowNanos += 250 * MS;
        sampler.sample();
        Map<String, Double> second = sampler.latest().metrics();
        assertEquals(0.4, second.get(PressureMetrics.SOME_RECENT), 1e-12);
        assertEquals(4.0, second.get(PressureMetrics.SOME_AVG10), 0);
        assertTrue(sampler.latest().unavailableReason().isEmpty());
    }

    @Test
    public void missingFileIsUnavailableWithReason() {
        Path missing = tmp.getRoot().toPath().resolve("no-such-cpu");
        Sampler sampler = new Sampler(new PressureSource(missing, () -> nowNanos));
        sampler.sample();
        assertEquals("no PSI: " + missing + " does not exist", sampler.latest().unavailableReason().orElseThrow());
        assertTrue(sampler.latest().metrics().isEmpty());
    }

    @Test
    public void malformedFileIsUnavailableAndForgetsThePreviousCounter() throws Exception {
        Path file = tmp.newFile("cpu").toPath();
        Files.writeString(file, psi(1.0, 1.0, 1_000));
        Sampler sampler = new Sampler(new PressureSource(file, () -> nowNanos));
        sampler.sample();

        Files.writeString(file, "garbage\n");
        nowNanos += 250 * MS;
        sampler.sample();
        assertTrue(sampler.latest().unavailableReason().orElseThrow().startsWith("no PSI: " + file + " is malformed"));
        assertTrue(sampler.latest().metrics().isEmpty());

        Files.writeString(file, psi(1.0, 1.0, 2_000));
        nowNanos += 250 * MS;
        sampler.sample();
        assertTrue(sampler.latest().unavailableReason().isEmpty());
        assertFalse(sampler.latest().metrics().containsKey(PressureMetrics.SOME_RECENT));
    }

    @Test
    public void thisHostsPressureGivesARecentShareBetweenZeroAndOne() throws Exception {
        Path proc = Path.of("/proc/pressure/cpu");
        assumeTrue("needs Linux PSI", Files.isReadable(proc));
        Sampler sampler = new Sampler(new PressureSource(proc, System::nanoTime));
        sampler.sample();
        assumeTrue("PSI readable", sampler.latest().unavailableReason().isEmpty());
        Thread.sleep(50);
        sampler.sample();
        double recent = sampler.latest().metrics().get(PressureMetrics.SOME_RECENT);
        assertTrue("recent " + recent, recent >= 0.0 && recent <= 1.0);
    }
}
