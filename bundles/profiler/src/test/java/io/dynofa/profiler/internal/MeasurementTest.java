package io.dynofa.profiler.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;

public class MeasurementTest {
    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger runs = new AtomicInteger();

    /** Each run "takes" {@code nanos} of fake time. */
    private Measurement.Run constant(long nanos) {
        return () -> {
            runs.incrementAndGet();
            clock.addAndGet(nanos);
            return nanos;
        };
    }

    @Test
    public void stableTimesStopAfterTheMinimumRounds() throws Exception {
        Measurement plan = new Measurement(5, 1_000, 10, 100, 3, 20, 0.02, Long.MAX_VALUE);

        Measurement.Samples s = plan.measure(constant(100), clock::get);

        assertEquals(3, s.rounds());
        assertTrue(s.stable());
        assertEquals("a round lasts about roundNanos: 10 runs of 100 ns", 30, s.nanos().length);
        assertEquals(5 + 30, runs.get());
    }

    @Test
    public void aDriftingMedianGoesOnUntilTwoRoundsAgreeWithinTolerance() throws Exception {
        long[] perRound = {100, 150, 120, 110, 109, 109};
        AtomicInteger call = new AtomicInteger();
        Measurement plan = new Measurement(0, 0, 4, 4, 2, 20, 0.02, Long.MAX_VALUE);

        Measurement.Samples s = plan.measure(() -> perRound[call.getAndIncrement() / 4], clock::get);

        assertEquals("100,150,120,110 drift; 109 is within 2 % of 110", 5, s.rounds());
        assertTrue(s.stable());
    }

    @Test
    public void noisyTimesStopAtTheRoundLimitOrTheBudgetUnstable() throws Exception {
        AtomicInteger call = new AtomicInteger();
        Measurement.Run alternating = () -> {
            clock.addAndGet(1_000);
            return (call.getAndIncrement() / 4) % 2 == 0 ? 100 : 200;
        };
        Measurement.Samples capped = new Measurement(0, 0, 4, 4, 2, 7, 0.02, Long.MAX_VALUE)
            .measure(alternating, clock::get);
        assertEquals(7, capped.rounds());
        assertFalse(capped.stable());

        Measurement.Samples budget = new Measurement(0, 0, 4, 4, 2, 100, 0.02, 12_000)
            .measure(alternating, clock::get);
        assertEquals("12 runs of 1000 ns use the budget", 3, budget.rounds());
        assertFalse(budget.stable());
    }

    @Test
    public void quickIsAFixedSmallBudget() throws Exception {
        Measurement.Samples s = Measurement.QUICK.measure(constant(1_000_000), clock::get);

        assertEquals(2, s.rounds());
        assertEquals(60, s.nanos().length);
        assertEquals(10 + 60, runs.get());
    }

    @Test
    public void roundsAreSizedFromTheWarmUpWithinBounds() {
        Measurement plan = new Measurement(10, 100_000_000L, 20, 1_000, 3, 30, 0.02, Long.MAX_VALUE);
        assertEquals(20, plan.roundRuns(50_000_000));
        assertEquals(200, plan.roundRuns(500_000));
        assertEquals(1_000, plan.roundRuns(1_000));
        assertEquals(20, plan.roundRuns(0));
    }

    @Test
    public void statisticsAreMedianP95AndSampleStd() {
        long[] nanos = new long[20];
        for (int i = 0; i < 20; i++) {
            nanos[i] = (i + 1) * 100_000L; // 0.1 .. 2.0 ms
        }
        LatencyStats s = LatencyStats.of(nanos);
        assertEquals(1.05, s.medianMs(), 1e-12);
        assertEquals("19th of 20", 1.9, s.p95Ms(), 1e-12);
        assertEquals(0.5916, s.stdMs(), 1e-12);
        assertEquals(20, s.count());
        assertArrayEquals(new double[] {0.5, 0.5, 0}, new double[] {LatencyStats.of(new long[] {500_000}).medianMs(),
            LatencyStats.of(new long[] {500_000}).p95Ms(), LatencyStats.of(new long[] {500_000}).stdMs()}, 0);
    }
}
