package io.dynofa.demo.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class FrameRateTest {
    private static final long MS = 1_000_000L;
    private static final long START = 5_000 * MS;

    @Test
    public void isZeroBeforeAnyFrame() {
        assertEquals(0, new FrameRate().perSecond(START), 0);
    }

    @Test
    public void countsTheLastFullSecond() {
        FrameRate rate = new FrameRate();
        for (long t = 0; t < 3_000; t += 10) {
            rate.record(START + t * MS);
        }
        assertEquals(100, rate.perSecond(START + 3_000 * MS), 1e-9);
    }

    @Test
    public void scalesToTheTimeSinceTheFirstFrameDuringTheFirstSecond() {
        FrameRate rate = new FrameRate();
        for (long t = 0; t < 500; t += 20) {
            rate.record(START + t * MS);
        }
        assertEquals(50, rate.perSecond(START + 500 * MS), 1e-9);
    }

    @Test
    public void decaysToZeroOnceFramesStop() {
        FrameRate rate = new FrameRate();
        for (long t = 0; t < 1_000; t += 10) {
            rate.record(START + t * MS);
        }
        assertEquals(50, rate.perSecond(START + 1_500 * MS), 1e-9);
        assertEquals(0, rate.perSecond(START + 2_100 * MS), 0);
    }

    @Test
    public void ignoresASlotStillHoldingAnOlderBucket() {
        FrameRate rate = new FrameRate();
        rate.record(START);
        rate.record(START + 1_200 * MS);
        assertEquals("the slot of the bucket 1.1 s in still holds the first frame's", 0,
            rate.perSecond(START + 1_250 * MS), 0);
    }
}
