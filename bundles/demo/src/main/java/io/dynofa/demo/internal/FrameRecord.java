package io.dynofa.demo.internal;

import java.util.Locale;

/**
 * What became of one frame, as the frame log and the statistics take it. Times are {@link System#nanoTime()}
 * values.
 *
 * @param startNanos when the camera took it up to send it (found it before its deadline); -1 for a frame dropped
 *     while it waited
 * @param endNanos when its outcome was known (answer, failure or drop)
 * @param levelId the level that served it, null when none did
 * @param backendId the backend that served it, null when none did
 * @param correct items classified right (0 unless served)
 * @param reason why it was not {@link Verdict#OK}, null when it was
 */
record FrameRecord(Frame frame, long startNanos, long endNanos, String levelId, String backendId, int correct,
                   Verdict verdict, String reason) {

    /** A frame's outcome: a miss unless {@link #OK}. */
    enum Verdict {
        /** Answered within its deadline. */
        OK,
        /** Answered after its deadline. */
        LATE,
        /** Never run: displaced while waiting, past its deadline before it could start, or refused at once. */
        DROPPED,
        /** Run, or meant to be, but no usable answer came back. */
        FAILED;

        /** The name in the frame log: {@code ok}, {@code late}, {@code dropped}, {@code failed}. */
        String logName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A frame that was never run. */
    static FrameRecord dropped(Frame frame, long startNanos, long endNanos, String reason) {
        return new FrameRecord(frame, startNanos, endNanos, null, null, 0, Verdict.DROPPED, reason);
    }

    /** A frame without a usable answer. */
    static FrameRecord failed(Frame frame, long startNanos, long endNanos, String reason) {
        return new FrameRecord(frame, startNanos, endNanos, null, null, 0, Verdict.FAILED, reason);
    }

    boolean served() {
        return verdict == Verdict.OK || verdict == Verdict.LATE;
    }

    boolean miss() {
        return verdict != Verdict.OK;
    }

    /** Arrival to end. */
    long latencyNanos() {
        return endNanos - frame.arrivalNanos();
    }
}
