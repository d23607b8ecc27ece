package io.dynofa.reporter.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class ReportLoopTest {
    private static final long PERIOD_MS = 100;

    private final ManualReportClock clock = new ManualReportClock();
    private final List<String> lines = new ArrayList<>();
    private final List<Double> times = new ArrayList<>();
    private final List<Long> finishedAt = new ArrayList<>();

    private ReportLoop loop() {
        return new ReportLoop(clock, PERIOD_MS, seconds -> {
            times.add(seconds);
            return "line " + times.size();
        }, lines::add);
    }

    private Runnable finish() {
        return () -> finishedAt.add(clock.nanoTime());
    }

    @Test
    public void reportsOncePerPeriodFromOnePeriodOnAndFinishesOnceAfterTheDuration() {
        long start = clock.nanoTime();
        try (ReportLoop loop = loop()) {
            loop.start(0.35, finish());
            clock.advanceMillis(99);
            assertEquals(List.of(), lines);

            clock.advanceMillis(2_000);
        }

        assertEquals(List.of("line 1", "line 2", "line 3"), lines);
        assertEquals(List.of(0.1, 0.2, 0.3), times);
        assertEquals(List.of(start + 350_000_000L), finishedAt);
        assertTrue("finishing closes the clock", clock.closed());
    }

    @Test
    public void aWholeDurationEndsWithTheLineForItsLastPeriod() {
        try (ReportLoop loop = loop()) {
            loop.start(0.2, finish());
            clock.advanceMillis(1_000);
        }

        assertEquals(List.of("line 1", "line 2"), lines);
        assertEquals(1, finishedAt.size());
    }

    @Test
    public void aDurationShorterThanAPeriodWritesNoLine() {
        try (ReportLoop loop = loop()) {
            loop.start(0.05, finish());
            clock.advanceMillis(1_000);
        }

        assertEquals(List.of(), lines);
        assertEquals(1, finishedAt.size());
    }

    @Test
    public void aFailingLineIsSkippedAndTheNextOneStillComes() {
        List<String> written = new ArrayList<>();
        try (ReportLoop loop = new ReportLoop(clock, PERIOD_MS, seconds -> {
            if (seconds == 0.1) {
                throw new IllegalStateException("status unavailable");
            }
            return "at " + seconds;
        }, written::add)) {
            loop.start(0.3, finish());
            clock.advanceMillis(1_000);
        }

        assertEquals(List.of("at 0.2", "at 0.3"), written);
        assertEquals(1, finishedAt.size());
    }

    @Test
    public void closingStopsReportingAndNeverFinishes() {
        try (ReportLoop loop = loop()) {
            loop.start(0.25, finish());
            clock.advanceMillis(150);
        }
        clock.advanceMillis(1_000);

        assertEquals(List.of("line 1"), lines);
        assertEquals(List.of(), finishedAt);
    }
}
