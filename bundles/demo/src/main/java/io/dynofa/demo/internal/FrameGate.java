package io.dynofa.demo.internal;

/**
 * The camera rule for frames the service is not ready for: at most one frame in flight and at most one
 * waiting, never a queue. A frame that arrives while one is in flight waits; a newer arrival displaces the
 * waiting frame, which is dropped. Not thread-safe: one thread drives it.
 */
final class FrameGate {

    /**
     * What an arrival means.
     *
     * @param startNow whether the arrived frame is in flight now (it waits otherwise)
     * @param dropped the waiting frame it displaced, or null
     */
    record Admission(boolean startNow, Frame dropped) {
    }

    private Frame inFlight;
    private Frame waiting;

    Admission arrive(Frame frame) {
        if (inFlight == null) {
            inFlight = frame;
            return new Admission(true, null);
        }
        Frame displaced = waiting;
        waiting = frame;
        return new Admission(false, displaced);
    }

    /** The frame in flight has ended: the waiting frame, if any, is in flight now and returned; else null. */
    Frame ended() {
        inFlight = waiting;
        waiting = null;
        return inFlight;
    }

    /** Takes the waiting frame out (the camera stops), or null. */
    Frame takeWaiting() {
        Frame frame = waiting;
        waiting = null;
        return frame;
    }

    boolean idle() {
        return inFlight == null;
    }
}
