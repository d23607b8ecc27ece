package io.dynofa.policy.paperstep.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.Test;

public class LevelLatencyWindowTest {
    private static final long MS = 1_000_000L;

    @Test
    public void countsNothingBeforeItFollowsALevel() {
        LevelLatencyWindow window = new LevelLatencyWindow(3);
        window.record("cpu", "m", 5 * MS);
        assertEquals(0, window.fill());
        assertTrue(Double.isNaN(window.meanMs()));
        assertFalse(window.follows("cpu", "m"));
    }

    @Test
    public void meanOfTheLastRunsOfTheLevelFollowed() {
        LevelLatencyWindow window = new LevelLatencyWindow(3);
        window.follow("cpu", "m");
        window.record("cpu", "m", 100 * MS);
        window.record("cpu", "m", 2 * MS);
        assertEquals(2, window.fill());
        assertEquals(51.0, window.meanMs(), 1e-9);
        window.record("cpu", "m", 4 * MS);
        window.record("cpu", "m", 6 * MS);
        assertEquals("the oldest run left the window", 3, window.fill());
        assertEquals(4.0, window.meanMs(), 1e-9);
    }

    @Test
    public void runsOfOtherLevelsAndBackendsAreIgnored() {
        LevelLatencyWindow window = new LevelLatencyWindow(3);
        window.follow("cpu", "m");
        window.record("cpu", "s", 9 * MS);
        window.record("gpu", "m", 9 * MS);
        window.record(null, "m", 9 * MS);
        window.record("cpu", null, 9 * MS);
        window.record("cpu", "m", 3 * MS);
        assertEquals(1, window.fill());
        assertEquals(3.0, window.meanMs(), 1e-9);
    }

    @Test
    public void aBackendNotSaidMatchesAnyBackend() {
        LevelLatencyWindow window = new LevelLatencyWindow(4);
        window.follow("", "m");
        window.record("cpu", "m", 2 * MS);
        window.record("gpu", "m", 4 * MS);
        window.follow("cpu", "m");
        window.record("", "m", 6 * MS);
        assertEquals(1, window.fill());
        assertEquals(6.0, window.meanMs(), 1e-9);
    }

    @Test
    public void followingRestartsTheWindowEmpty() {
        LevelLatencyWindow window = new LevelLatencyWindow(4);
        window.follow("cpu", "m");
        window.record("cpu", "m", 10 * MS);
        window.record("cpu", "m", 10 * MS);
        window.follow("cpu", "s");
        assertTrue(window.follows("cpu", "s"));
        assertFalse(window.follows("cpu", "m"));
        assertEquals(0, window.fill());
        assertTrue(Double.isNaN(window.meanMs()));
        window.record("cpu", "m", 10 * MS);
        window.record("cpu", "s", 2 * MS);
        assertEquals(1, window.fill());
        assertEquals("the earlier level's runs never count", 2.0, window.meanMs(), 1e-9);
    }

    @Test
    public void clearIgnoresEveryRunUntilTheNextFollow() {
        LevelLatencyWindow window = new LevelLatencyWindow(2);
        window.follow("cpu", "m");
        window.record("cpu", "m", 2 * MS);
        window.clear();
        window.record("cpu", "m", 2 * MS);
        assertEquals(0, window.fill());
        assertFalse(window.follows("cpu", "m"));
        window.follow("cpu", "m");
        assertEquals(0, window.fill());
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsAnEmptyWindow() {
        new LevelLatencyWindow(0);
    }

    /**
     * Writers of the level followed all write 2 ms into a ring that already holds 2 ms everywhere, writers of
     * another level 50 ms: whatever the interleaving, the mean is 2 ms and the fill at most the size.
     */
    @Test
    public void concurrentWritersWhileReading() throws Exception {
        int size = 16;
        LevelLatencyWindow window = new LevelLatencyWindow(size);
        window.follow("cpu", "m");
        for (int i = 0; i < size; i++) {
            window.record("cpu", "m", 2 * MS);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch started = new CountDownLatch(4);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<?>> writers = new ArrayList<>();
        try {
            for (int w = 0; w < 4; w++) {
                String level = w % 2 == 0 ? "m" : "s";
                long latency = level.equals("m") ? 2 * MS : 50 * MS;
                writers.add(pool.submit(() -> {
                    started.countDown();
                    while (!stop.get()) {
                        window.record("cpu", level, latency);
                    }
                }));
            }
            assertTrue(started.await(5, TimeUnit.SECONDS));
            for (int i = 0; i < 2_000; i++) {
                assertEquals(2.0, window.meanMs(), 1e-9);
                assertEquals(size, window.fill());
            }
        } finally {
            stop.set(true);
            pool.shutdown();
        }
        for (Future<?> writer : writers) {
            writer.get(5, TimeUnit.SECONDS);
        }
        assertEquals(2.0, window.meanMs(), 1e-9);
    }
}
