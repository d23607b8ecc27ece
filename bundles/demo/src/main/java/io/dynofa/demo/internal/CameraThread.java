package io.dynofa.demo.internal;

import io.dynofa.util.internal.DaemonThreads;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The demo camera's single daemon thread: once started, takes frames at a fixed rate, or back to
 * back when the rate is 0, until the frame source reports {@link FrameOutcome#END_OF_SAMPLE} or the
 * camera is closed.
 */
final class CameraThread implements AutoCloseable {
    static final long DROPPED_BACK_OFF_MILLIS = 10;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Supplier<FrameOutcome> frames;
    private final double fps;
    private final ScheduledExecutorService executor = DaemonThreads.scheduler("dynofa-demo-camera");

    /** @param fps frames per second; 0 = as fast as the frame source returns */
    CameraThread(Supplier<FrameOutcome> frames, double fps) {
        if (!(fps >= 0)) {
            throw new IllegalArgumentException("fps must be 0 or more, got " + fps);
        }
        this.frames = frames;
        this.fps = fps;
    }

    /** Takes the first frame now. */
    void start() {
        if (fps > 0) {
            long periodNanos = Math.max(1, Math.round(1e9 / fps));
            executor.scheduleAtFixedRate(this::takeFrame, 0, periodNanos, TimeUnit.NANOSECONDS);
        } else {
            executor.execute(this::takeFramesBackToBack);
        }
    }

    /** True until the last frame was taken or the camera was closed and its thread has ended. */
    boolean isRunning() {
        return !executor.isTerminated();
    }

    /** Stops taking frames and waits (bounded) for the frame in flight. */
    @Override
    public void close() {
        DaemonThreads.stop(executor, CLOSE_TIMEOUT);
    }

    private void takeFrame() {
        if (frames.get() == FrameOutcome.END_OF_SAMPLE) {
            executor.shutdown();
        }
    }

    private void takeFramesBackToBack() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                FrameOutcome outcome = frames.get();
                if (outcome == FrameOutcome.END_OF_SAMPLE) {
                    return;
                }
                if (outcome == FrameOutcome.DROPPED) {
                    Thread.sleep(DROPPED_BACK_OFF_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            executor.shutdown();
        }
    }
}
