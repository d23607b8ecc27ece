package io.dynofa.demo.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.Test;

public class CameraThreadTest {
    private final AtomicInteger frames = new AtomicInteger();

    @Test
    public void takesFramesAtTheConfiguredRate() throws InterruptedException {
        try (CameraThread camera = new CameraThread(() -> count(FrameOutcome.SENT), 50)) {
            long start = System.nanoTime();
            camera.start();
            Thread.sleep(400);
            int taken = frames.get();
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue("at most one frame per 20 ms, got " + taken + " in " + seconds + " s", taken <= 50 * seconds + 1);
            assertTrue("frames keep coming, got " + taken, taken >= 5);
        }
    }

    @Test
    public void stopsItsThreadAfterTheLastFrameOfASinglePass() throws InterruptedException {
        for (double fps : new double[] {0, 1000}) {
            frames.set(0);
            try (CameraThread camera = new CameraThread(
                () -> count(frames.get() < 4 ? FrameOutcome.SENT : FrameOutcome.END_OF_SAMPLE), fps)) {
                camera.start();
                assertTrue("camera at " + fps + " fps stops", within(5_000, () -> !camera.isRunning()));
                assertEquals(5, frames.get());
            }
        }
    }

    @Test
    public void closeStopsAFullSpeedCamera() throws InterruptedException {
        CameraThread camera = new CameraThread(() -> count(FrameOutcome.SENT), 0);
        camera.start();
        assertTrue(within(5_000, () -> frames.get() > 100));
        camera.close();
        assertFalse(camera.isRunning());
        int afterClose = frames.get();
        Thread.sleep(50);
        assertEquals(afterClose, frames.get());
    }

    @Test
    public void aFullSpeedCameraBacksOffWhileFramesAreDropped() throws InterruptedException {
        try (CameraThread camera = new CameraThread(() -> count(FrameOutcome.DROPPED), 0)) {
            camera.start();
            Thread.sleep(200);
            assertTrue("about one frame per " + CameraThread.DROPPED_BACK_OFF_MILLIS + " ms, got " + frames.get(),
                frames.get() <= 200 / CameraThread.DROPPED_BACK_OFF_MILLIS + 1);
        }
    }

    private FrameOutcome count(FrameOutcome outcome) {
        frames.incrementAndGet();
        return outcome;
    }

    static boolean within(long millis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
