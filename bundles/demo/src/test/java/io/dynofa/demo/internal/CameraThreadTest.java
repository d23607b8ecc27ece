package io.dynofa.demo.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InferenceException.Reason;
import io.dynofa.inference.api.InferenceResult;
import io.dynofa.inference.api.InferenceService;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Tensor;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class CameraThreadTest {
    private static final int[] LABELS = {3, 1, 4, 1, 5};

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final List<FrameRecord> records = new CopyOnWriteArrayList<>();
    private Sample sample;

    @Before
    public void writeSample() throws IOException {
        sample = Sample.load(IdxFiles.sample(tmp.getRoot().toPath(), 2, 2, LABELS));
    }

    @Test
    public void aSinglePassSendsEveryImageOnceAndStops() throws InterruptedException {
        for (double fps : new double[] {0, 1000}) {
            records.clear();
            FakeInference inference = new FakeInference(FakeInference.grey(2, 2), (request, input) -> {
                int[] ones = new int[(int) input.dim(0)];
                Arrays.fill(ones, 1);
                return FakeInference.classified("big", ones);
            });
            try (CameraThread camera = camera(inference, false, 0, fps)) {
                camera.start();
                await("camera at " + fps + " fps stops").until(() -> !camera.isRunning());
            }
            assertEquals("frames of 2, 2 and 1 at " + fps + " fps", List.of(2, 2, 1),
                records.stream().map(r -> r.frame().items()).toList());
            assertEquals(List.of(0L, 1L, 2L), records.stream().map(r -> r.frame().number()).toList());
            assertTrue(records.stream().allMatch(r -> r.verdict() == FrameRecord.Verdict.OK));
            assertEquals("two images labelled 1", 2, records.stream().mapToInt(FrameRecord::correct).sum());
        }
    }

    @Test
    public void atMostOneFrameIsInFlightAndOneWaitsTheRestAreDropped() throws InterruptedException {
        HeldInference held = new HeldInference();
        CameraThread camera = camera(held, true, 0, 1000);
        try {
            camera.start();
            await("three frames recorded").until(() -> records.size() >= 3);
            assertEquals("one request while the first is held", 1, held.requests.size());
            assertTrue(records.stream().allMatch(r -> r.verdict() == FrameRecord.Verdict.DROPPED
                && FrameFlow.DISPLACED.equals(r.reason())));
            held.requests.get(0).complete(HeldInference.answer());
            await("the waiting frame is sent once the first ends").until(() -> held.requests.size() >= 2);
        } finally {
            held.release();
            camera.close();
        }
        assertFalse(camera.isRunning());
        FrameRecord first = records.stream().filter(r -> r.frame().number() == 0).findFirst().orElseThrow();
        assertEquals(FrameRecord.Verdict.OK, first.verdict());
        long numbers = records.stream().map(r -> r.frame().number()).distinct().count();
        assertEquals("every frame is recorded once", records.size(), numbers);
    }

    @Test
    public void aFrameAnsweredAfterItsDeadlineIsLate() throws InterruptedException {
        HeldInference held = new HeldInference();
        long deadline = TimeUnit.MILLISECONDS.toNanos(1);
        try (CameraThread camera = camera(held, true, deadline, 0)) {
            camera.start();
            await("the frame sent").until(() -> held.requests.size() == 1);
            await("its 1 ms deadline passed").until(() -> System.nanoTime() - held.sentAt.get(0) > deadline);
            held.requests.get(0).complete(HeldInference.answer());
            await("the frame recorded").until(() -> !records.isEmpty());
            assertEquals(FrameRecord.Verdict.LATE, records.get(0).verdict());
            assertEquals(2, records.get(0).correct());
            held.release();
        }
    }

    @Test
    public void closeStopsAFullSpeedCameraAndEndsTheFrameInFlight() throws InterruptedException {
        FakeInference inference = new FakeInference(FakeInference.grey(2, 2),
            (request, input) -> FakeInference.classified("big", 0, 0));
        CameraThread camera = camera(inference, true, 0, 0);
        camera.start();
        await("a hundred frames recorded").until(() -> records.size() > 100);
        camera.close();
        assertFalse(camera.isRunning());
        int afterClose = records.size();
        assertEquals("every frame sent was ended", inference.inputs.size(), afterClose);
        Thread.sleep(50);
        assertEquals(afterClose, records.size());
    }

    @Test
    public void aFullSpeedCameraBacksOffWhileFramesAreDropped() throws InterruptedException {
        try (CameraThread camera = camera(null, true, 0, 0)) {
            camera.start();
            Thread.sleep(200);
            assertTrue("about one frame per " + CameraThread.DROPPED_BACK_OFF_MILLIS + " ms, got " + records.size(),
                records.size() <= 200 / CameraThread.DROPPED_BACK_OFF_MILLIS + 1);
        }
        assertTrue(records.stream().allMatch(r -> Replayer.NO_SERVICE.equals(r.reason().replace("NOT_READY: ", ""))));
    }

    private CameraThread camera(InferenceService inference, boolean loop, long deadlineNanos, double fps) {
        FrameFlow flow = new FrameFlow(new SampleCursor(sample.size(), 2, loop, () -> { }), new AtomicLong(),
            deadlineNanos, records::add);
        return new CameraThread(flow, new Replayer(sample, () -> inference), new FrameJudge(sample), records::add,
            fps);
    }

    /** Waits (Awaitility, at most 5 s, polling every 5 ms) for what {@code what} names. */
    static ConditionFactory await(String what) {
        return Awaitility.await(what).atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(5));
    }

    /** A service that answers only when the test completes the request's future. */
    private static final class HeldInference implements InferenceService {
        final List<CompletableFuture<InferenceResult>> requests = new CopyOnWriteArrayList<>();
        /** When each request was sent, {@link System#nanoTime()}. */
        final List<Long> sentAt = new CopyOnWriteArrayList<>();
        private volatile boolean released;

        /** Answers every request held and every later one at once. */
        void release() {
            released = true;
            requests.forEach(r -> r.complete(answer()));
        }

        private static InferenceResult answer() {
            return FakeInference.classified("big", 3, 1);
        }

        @Override
        public InferenceResult infer(Tensor input) throws InferenceException {
            throw new InferenceException(Reason.BACKEND_FAILURE, "the camera sends asynchronously");
        }

        @Override
        public CompletableFuture<InferenceResult> inferAsync(Tensor input) {
            CompletableFuture<InferenceResult> request = new CompletableFuture<>();
            sentAt.add(System.nanoTime());
            requests.add(request);
            if (released) {
                request.complete(answer());
            }
            return request;
        }

        @Override
        public Optional<InputSpec> inputSpec() {
            return FakeInference.grey(2, 2);
        }
    }
}
