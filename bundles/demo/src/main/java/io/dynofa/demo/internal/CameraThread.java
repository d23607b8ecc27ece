package io.dynofa.demo.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The demo camera's single daemon thread: takes frames at a fixed rate, or back to back when the
 * rate is 0, until the frame source reports {@link FrameOutcome#END_OF_SAMPLE} or the camera is
 * closed.
 */
final class CameraThread implements AutoCloseable {
    static final long DROPPED_BACK_OFF_MILLIS = 10;
    private static final long CLOSE_TIMEOUT_SECONDS = 5;

    private final ExecutorService executor;

    /** @param fps frames per second; 0 = as fast as the frame source returns */
    CameraThread(Supplier<FrameOutcome> frames, double fps) {
        if (fps > 0) {
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(CameraThread::daemon);
            long periodNanos = Math.max(1, Math.round(1e9 / fps));
            scheduler.scheduleAtFixedRate(() -> takeFrame(frames, scheduler), 0, periodNanos, TimeUnit.NANOSECONDS);
            this.executor = scheduler;
        } else {
            ExecutorService single = Executors.newSingleThreadExecutor(CameraThread::daemon);
            single.execute(() -> takeFramesBackToBack(frames, single));
            this.executor = single;
        }
    }

    /** True until the last frame was taken or the camera was closed and its thread has ended. */
    boolean isRunning() {
        return !executor.isTerminated();
    }

    /** Stops taking frames and waits for the frame in flight (bounded). */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void takeFrame(Supplier<FrameOutcome> frames, ExecutorService executor) {
        if (frames.get() == FrameOutcome.END_OF_SAMPLE) {
            executor.shutdown();
        }
    }

    private static void takeFramesBackToBack(Supplier<FrameOutcome> frames, ExecutorService executor) {
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

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "dynofa-demo-camera");
        thread.setDaemon(true);
        return thread;
    }
}
