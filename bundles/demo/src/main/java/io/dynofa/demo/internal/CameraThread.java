package io.dynofa.demo.internal;

import io.dynofa.inference.api.InferenceResult;
import io.dynofa.util.internal.DaemonThreads;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The demo camera's single daemon thread, which alone drives its {@link FrameFlow}: frames arrive on a fixed
 * clock ({@code start + n / fps}, whenever the thread gets to them), or each as soon as the one before has ended
 * when the rate is 0 (a little later after a dropped frame); the frame to send is sent, and the answer comes back
 * to this thread to be judged. Runs until a single pass has ended or the camera is closed.
 */
final class CameraThread implements AutoCloseable {
    static final long DROPPED_BACK_OFF_MILLIS = 10;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final FrameFlow flow;
    private final Replayer replayer;
    private final FrameJudge judge;
    private final Consumer<FrameRecord> sink;
    private final double fps;
    private final ScheduledExecutorService executor = DaemonThreads.scheduler("dynofa-demo-camera");
    private volatile boolean stopping;
    private ScheduledFuture<?> arrivals;
    private long firstArrivalNanos;
    private long arrived;

    /**
     * @param sink told of every frame sent once it has ended (the flow tells of the others)
     * @param fps frames per second; 0 = each frame when the one before has ended
     */
    CameraThread(FrameFlow flow, Replayer replayer, FrameJudge judge, Consumer<FrameRecord> sink, double fps) {
        if (!(fps >= 0)) {
            throw new IllegalArgumentException("fps must be 0 or more, got " + fps);
        }
        this.flow = flow;
        this.replayer = replayer;
        this.judge = judge;
        this.sink = sink;
        this.fps = fps;
    }

    /** The first frame arrives now. */
    void start() {
        onCamera(() -> {
            if (fps > 0) {
                long periodNanos = Math.max(1, Math.round(1e9 / fps));
                firstArrivalNanos = System.nanoTime();
                arrivals = executor.scheduleAtFixedRate(() -> arrive(firstArrivalNanos + arrived++ * periodNanos),
                    0, periodNanos, TimeUnit.NANOSECONDS);
            } else {
                arrive(System.nanoTime());
            }
        });
    }

    /** True until the last frame has ended, or the camera was closed and its thread has ended. */
    boolean isRunning() {
        return !executor.isTerminated();
    }

    /**
     * Stops taking frames: the waiting frame is dropped, the one in flight gets a bounded wait to end and be
     * judged.
     */
    @Override
    public void close() {
        stopping = true;
        onCamera(() -> {
            if (arrivals != null) {
                arrivals.cancel(false);
            }
            flow.stop(System.nanoTime());
            finishIfIdle();
        });
        try {
            if (!executor.awaitTermination(CLOSE_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
                DaemonThreads.stop(executor, CLOSE_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }

    private void arrive(long arrivalNanos) {
        if (stopping) {
            return;
        }
        long now = System.nanoTime();
        Frame frame = flow.arrive(arrivalNanos, now);
        if (frame != null) {
            send(frame, now);
        }
        if (flow.passEnded() && arrivals != null) {
            arrivals.cancel(false);
        }
        finishIfIdle();
    }

    /** Sends {@code frame}, which the flow found before its deadline at {@code startNanos}. */
    private void send(Frame frame, long startNanos) {
        CompletableFuture<InferenceResult> answer = replayer.send(frame);
        answer.whenComplete((result, error) -> {
            long endNanos = System.nanoTime();
            onCamera(() -> ended(judge.judge(frame, startNanos, endNanos, result, error)));
        });
    }

    private void ended(FrameRecord record) {
        sink.accept(record);
        long now = System.nanoTime();
        if (stopping) {
            flow.stop(now);
        }
        Frame next = flow.ended(now);
        if (next != null) {
            send(next, now);
        } else if (fps == 0 && !stopping && !flow.passEnded()) {
            if (record.verdict() == FrameRecord.Verdict.DROPPED) {
                try {
                    executor.schedule(() -> arrive(System.nanoTime()), DROPPED_BACK_OFF_MILLIS, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException stopped) {
                    // closed meanwhile: no more frames
                }
            } else {
                arrive(now);
            }
        }
        finishIfIdle();
    }

    private void finishIfIdle() {
        if (flow.idle() && (stopping || flow.passEnded())) {
            executor.shutdown();
        }
    }

    private void onCamera(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException stopped) {
            // the camera has stopped: nothing more to do
        }
    }
}
