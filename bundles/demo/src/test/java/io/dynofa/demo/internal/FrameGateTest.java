package io.dynofa.demo.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class FrameGateTest {
    private final FrameGate gate = new FrameGate();

    @Test
    public void anIdleGateStartsTheFrameAtOnce() {
        FrameGate.Admission admission = gate.arrive(frame(0));
        assertTrue(admission.startNow());
        assertNull(admission.dropped());
        assertFalse(gate.idle());
    }

    @Test
    public void aFrameArrivingWhileOneIsInFlightWaitsAndStartsWhenItEnds() {
        gate.arrive(frame(0));
        Frame second = frame(1);
        FrameGate.Admission admission = gate.arrive(second);
        assertFalse(admission.startNow());
        assertNull(admission.dropped());
        assertSame(second, gate.ended());
        assertFalse(gate.idle());
        assertNull(gate.ended());
        assertTrue(gate.idle());
    }

    @Test
    public void aNewerArrivalDropsTheWaitingFrameSoAtMostOneWaits() {
        gate.arrive(frame(0));
        Frame second = frame(1);
        Frame third = frame(2);
        Frame fourth = frame(3);
        gate.arrive(second);
        assertSame(second, gate.arrive(third).dropped());
        assertSame(third, gate.arrive(fourth).dropped());
        assertSame(fourth, gate.ended());
        assertNull(gate.ended());
    }

    @Test
    public void takingTheWaitingFrameLeavesTheOneInFlight() {
        gate.arrive(frame(0));
        Frame second = frame(1);
        gate.arrive(second);
        assertSame(second, gate.takeWaiting());
        assertNull(gate.takeWaiting());
        assertFalse(gate.idle());
        assertNull(gate.ended());
    }

    static Frame frame(long number) {
        return new Frame(number, number * 10, 10, 0, 1);
    }

    @Test
    public void aFrameIsLateOnlyAfterItsDeadline() {
        Frame frame = new Frame(0, 1_000, 500, 0, 1);
        assertFalse(frame.lateAt(1_500));
        assertTrue(frame.lateAt(1_501));
        assertEquals(100, frame.remainingNanos(1_400));
        Frame noDeadline = new Frame(0, 1_000, 0, 0, 1);
        assertFalse(noDeadline.lateAt(Long.MAX_VALUE / 2));
        assertEquals(Long.MAX_VALUE, noDeadline.remainingNanos(5_000));
    }
}
