package io.dynofa.reporter.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

public class ReportLoopTest {
    private static final long PERIOD_MS = 100;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Double> times = new CopyOnWriteArrayList<>();

    private ReportLoop loop() {
        return new ReportLoop(PERIOD_MS, seconds -> {
            times.add(seconds);
            return "line " + times.size();
        }, lines::add);
    }

    @Test
    public void reportsOncePerPeriodFromOnePeriodOnAndFinishesOnceAfterTheDuration() throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        AtomicInteger finishes = new AtomicInteger();
        try (ReportLoop loop = loop()) {
            loop.start(0.35, () -> {
                finishes.incrementAndGet();
                finished.countDown();
            });

            assertTrue(finished.await(5, TimeUnit.SECONDS));
            Thread.sleep(2 * PERIOD_MS);
        }

        assertEquals(List.of("line 1", "line 2", "line 3"), lines);
        assertEquals(1, finishes.get());
        for (int i = 0; i < times.size(); i++) {
            assertEquals("line " + (i + 1) + " time", (i + 1) * PERIOD_MS / 1000.0, times.get(i), 0.05);
        }
    }

    @Test
    public void aWholeDurationEndsWithTheLineForItsLastPeriod() throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        try (ReportLoop loop = loop()) {
            loop.start(0.2, finished::countDown);

            assertTrue(finished.await(5, TimeUnit.SECONDS));
            Thread.sleep(2 * PERIOD_MS);
        }

        assertEquals(List.of("line 1", "line 2"), lines);
    }

    @Test
    public void closingStopsReportingAndNeverFinishes() throws Exception {
        AtomicInteger finishes = new AtomicInteger();
        try (ReportLoop loop = loop()) {
            loop.start(0.25, finishes::incrementAndGet);
        }
        Thread.sleep(3 * PERIOD_MS + 50);

        assertTrue(lines.isEmpty());
        assertEquals(0, finishes.get());
    }
}
