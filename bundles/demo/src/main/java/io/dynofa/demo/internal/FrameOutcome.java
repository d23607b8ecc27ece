package io.dynofa.demo.internal;

/** What became of one camera frame, as far as the camera's pacing cares. */
enum FrameOutcome {
    /** The service answered or failed; go on. */
    SENT,
    /** No ready service took the frame; a camera without a pace should wait a little. */
    DROPPED,
    /** That was the last frame of the only pass; stop the camera. */
    END_OF_SAMPLE
}
