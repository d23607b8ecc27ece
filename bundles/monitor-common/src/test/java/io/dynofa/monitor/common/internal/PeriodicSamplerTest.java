package io.dynofa.monitor.common.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

public class PeriodicSamplerTest {

    @Test
    public void fixedRateSamplesOnTheCallerFirstThenOnTheNamedThreadUntilClosed() throws Exception {
        ScriptedSource source = new ScriptedSource(1);
        Sampler sampler = new Sampler(source);
        try (PeriodicSampler periodic = new PeriodicSampler("test-sampler", sampler, Schedule.fixedRate(10))) {
            assertEquals(List.of(Thread.currentThread().getName()), source.readingThreads);
            awaitReads(source, 3);
            assertEquals("test-sampler", source.readingThreads.get(2));
        }
        assertStopped(source);
    }

    @Test
    public void fixedDelaySamplesOnlyOnTheNamedThreadStartingAtOnce() throws Exception {
        ScriptedSource source = new ScriptedSource(1);
        Sampler sampler = new Sampler(source);
        try (PeriodicSampler periodic = new PeriodicSampler("test-sampler", sampler, Schedule.fixedDelay(60_000))) {
            awaitReads(source, 1);
            assertEquals(List.of("test-sampler"), source.readingThreads);
        }
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsAZeroInterval() {
        Schedule.fixedRate(0);
    }

    private static void awaitReads(ScriptedSource source, int reads) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (source.readingThreads.size() < reads && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue("only " + source.readingThreads.size() + " reads", source.readingThreads.size() >= reads);
    }

    private static void assertStopped(ScriptedSource source) throws InterruptedException {
        Thread.sleep(30);
        int reads = source.readingThreads.size();
        Thread.sleep(100);
        assertEquals("no sampling after close", reads, source.readingThreads.size());
    }
}
