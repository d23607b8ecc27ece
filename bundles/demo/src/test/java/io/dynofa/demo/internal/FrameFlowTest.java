package io.dynofa.demo.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;

/** The camera rule on a clock the test holds: frames every 10 ns, deadline 10 ns unless said otherwise. */
public class FrameFlowTest {
    private final List<FrameRecord> dropped = new ArrayList<>();
    private final AtomicLong numbers = new AtomicLong(40);

    @Test
    public void framesThatEndBeforeTheNextArrivalAreAllSent() {
        FrameFlow flow = flow(10, true);
        for (long t = 0; t < 50; t += 10) {
            Frame frame = flow.arrive(t, t);
            assertEquals(t / 10 + 40, frame.number());
            assertNull(flow.ended(t + 5));
            assertTrue(flow.idle());
        }
        assertTrue(dropped.isEmpty());
    }

    @Test
    public void aSlowFrameMakesTheNextWaitAndTheOneAfterDropIt() {
        FrameFlow flow = flow(10, true);
        Frame first = flow.arrive(0, 0);
        assertNull("waits behind the one in flight", flow.arrive(10, 10));
        assertNull(flow.arrive(20, 20));
        assertEquals(1, dropped.size());
        FrameRecord displaced = dropped.get(0);
        assertEquals(first.number() + 1, displaced.frame().number());
        assertEquals(FrameRecord.Verdict.DROPPED, displaced.verdict());
        assertEquals(FrameFlow.DISPLACED, displaced.reason());
        assertEquals(-1, displaced.startNanos());
        assertEquals(20, displaced.endNanos());
        Frame third = flow.ended(25);
        assertEquals(first.number() + 2, third.number());
        assertEquals(5, third.remainingNanos(25));
    }

    @Test
    public void aWaitingFrameWhoseDeadlinePassedIsDroppedNotSent() {
        FrameFlow flow = flow(4, true);
        flow.arrive(0, 0);
        assertNull(flow.arrive(10, 10));
        assertNull("frame 2 waited past 14", flow.ended(14));
        assertTrue(flow.idle());
        assertEquals(List.of(FrameFlow.EXPIRED), reasons());
        assertEquals(14, dropped.get(0).endNanos());
    }

    @Test
    public void aFrameTheCameraGetsToAfterItsDeadlineIsDroppedAtArrival() {
        FrameFlow flow = flow(4, true);
        assertNull(flow.arrive(0, 4));
        assertEquals(List.of(FrameFlow.EXPIRED), reasons());
        assertTrue(flow.idle());
    }

    @Test
    public void withoutADeadlineAWaitingFrameIsSentHoweverLate() {
        FrameFlow flow = flow(0, true);
        flow.arrive(0, 0);
        flow.arrive(10, 10);
        Frame waited = flow.ended(1_000_000);
        assertEquals(41, waited.number());
        assertTrue(dropped.isEmpty());
    }

    @Test
    public void stoppingDropsTheWaitingFrameAndLeavesTheOneInFlight() {
        FrameFlow flow = flow(10, true);
        flow.arrive(0, 0);
        flow.arrive(10, 10);
        flow.stop(12);
        assertEquals(List.of(FrameFlow.STOPPED), reasons());
        assertFalse(flow.idle());
        assertNull(flow.ended(13));
        assertTrue(flow.idle());
    }

    @Test
    public void aSinglePassTakesNoFrameAfterItsLast() {
        FrameFlow flow = flow(10, false);
        for (int i = 0; i < 3; i++) {
            flow.arrive(i * 10, i * 10);
            flow.ended(i * 10 + 1);
        }
        assertTrue(flow.passEnded());
        assertNull(flow.arrive(30, 30));
        assertEquals(43, numbers.get());
    }

    private FrameFlow flow(long deadlineNanos, boolean loop) {
        return new FrameFlow(new SampleCursor(6, 2, loop, () -> { }), numbers, deadlineNanos, dropped::add);
    }

    private List<String> reasons() {
        return dropped.stream().map(FrameRecord::reason).toList();
    }
}
