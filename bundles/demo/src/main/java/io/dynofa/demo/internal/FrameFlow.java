package io.dynofa.demo.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The frame workload's accounting, driven by the camera's one thread with the times it reads: frames arrive,
 * pass the {@link FrameGate} (one in flight, one waiting, the displaced one dropped), and a frame whose deadline
 * has passed by the time it could be sent is dropped rather than sent. Every frame that will never be sent is
 * handed to the sink here; the camera hands over those it sent when they end. Not thread-safe.
 */
final class FrameFlow {
    static final String DISPLACED = "a newer frame arrived while it waited";
    static final String EXPIRED = "its deadline passed while it waited";
    static final String STOPPED = "the camera stopped (closed or reconfigured) while it waited";

    private final SampleCursor cursor;
    private final AtomicLong numbers;
    private final long deadlineNanos;
    private final Consumer<FrameRecord> sink;
    private final FrameGate gate = new FrameGate();

    /**
     * @param numbers the next frame number (shared by the cameras of one demo, so numbers go on after a restart)
     * @param deadlineNanos every frame's deadline after its arrival; 0 = none
     */
    FrameFlow(SampleCursor cursor, AtomicLong numbers, long deadlineNanos, Consumer<FrameRecord> sink) {
        this.cursor = cursor;
        this.numbers = numbers;
        this.deadlineNanos = deadlineNanos;
        this.sink = sink;
    }

    /**
     * A frame arrives at {@code arrivalNanos}, handled at {@code nowNanos}.
     *
     * @return the frame to send now, or null (it waits, or a single pass has ended)
     */
    Frame arrive(long arrivalNanos, long nowNanos) {
        if (cursor.ended()) {
            return null;
        }
        Frame frame = cursor.next(numbers.getAndIncrement(), arrivalNanos, deadlineNanos);
        FrameGate.Admission admission = gate.arrive(frame);
        if (admission.dropped() != null) {
            sink.accept(FrameRecord.dropped(admission.dropped(), -1, nowNanos, DISPLACED));
        }
        return admission.startNow() ? sendable(frame, nowNanos) : null;
    }

    /** The frame in flight has ended at {@code nowNanos}: the frame to send now, or null. */
    Frame ended(long nowNanos) {
        return sendable(gate.ended(), nowNanos);
    }

    /** The camera stops taking frames: the waiting frame, if any, is dropped. */
    void stop(long nowNanos) {
        Frame waiting = gate.takeWaiting();
        if (waiting != null) {
            sink.accept(FrameRecord.dropped(waiting, -1, nowNanos, STOPPED));
        }
    }

    /** Whether no frame is in flight. */
    boolean idle() {
        return gate.idle();
    }

    /** Whether a single pass has taken its last frame (no more will arrive). */
    boolean passEnded() {
        return cursor.ended();
    }

    private Frame sendable(Frame frame, long nowNanos) {
        Frame next = frame;
        while (next != null && next.remainingNanos(nowNanos) <= 0) {
            sink.accept(FrameRecord.dropped(next, -1, nowNanos, EXPIRED));
            next = gate.ended();
        }
        return next;
    }
}
