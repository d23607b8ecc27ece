package io.dynofa.demo.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InferenceException.Reason;
import io.dynofa.inference.api.InferenceResult;
import io.dynofa.inference.api.Tensor;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ReplayerTest {
    private static final int[] LABELS = {3, 1, 4, 1, 5, 9};

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Sample sample;

    @Before
    public void writeSample() throws IOException {
        sample = Sample.load(IdxFiles.sample(tmp.getRoot().toPath(), 2, 3, LABELS));
    }

    @Test
    public void sendsTheFramesImagesAsOneBatchWithTheTimeLeftAsItsDeadline() throws Exception {
        FakeInference inference = new FakeInference(FakeInference.grey(2, 3),
            (request, input) -> FakeInference.classified("big", 0, 0, 0, 0));
        Replayer replayer = new Replayer(sample, () -> inference);
        long deadline = Duration.ofSeconds(60).toNanos();
        Frame frame = new Frame(0, System.nanoTime(), deadline, 4, 4);
        InferenceResult result = replayer.send(frame).get();
        assertEquals("big", result.levelId());
        Tensor input = inference.inputs.get(0);
        assertArrayEquals(new long[] {4, 1, 2, 3}, input.shape());
        assertEquals("row 2 is image 0 (wrapped)", IdxFiles.pixel(0, 1) / 255f, input.floats()[2 * 6 + 1], 1e-6f);
        Duration timeout = inference.timeouts.get(0);
        assertTrue("the time left: " + timeout, timeout.toNanos() > 0 && timeout.toNanos() <= deadline);
    }

    @Test
    public void aFramePastItsDeadlineOnceItsInputIsBuiltIsNotSent() throws Exception {
        FakeInference inference = new FakeInference(FakeInference.grey(2, 3), (request, input) -> {
            throw new AssertionError("an expired frame must not be sent");
        });
        CompletableFuture<InferenceResult> result = new Replayer(sample, () -> inference)
            .send(new Frame(0, System.nanoTime() - 2_000_000, 1_000_000, 0, 1));
        ExecutionException e = assertThrows(ExecutionException.class, result::get);
        assertTrue(String.valueOf(e.getCause()), e.getCause() instanceof Replayer.Expired);
        assertTrue(inference.timeouts.isEmpty());
    }

    @Test
    public void aFrameWithoutDeadlineGetsTheRuntimesRequestTimeout() throws Exception {
        FakeInference inference = new FakeInference(FakeInference.grey(2, 3),
            (request, input) -> FakeInference.classified("big", 0));
        new Replayer(sample, () -> inference).send(new Frame(0, 0, 0, 0, 1)).get();
        assertNull(inference.timeouts.get(0));
    }

    @Test
    public void withoutAServiceOrAFamilyTheFrameIsRefusedAsNotReady() {
        FakeInference noFamily = new FakeInference(Optional.empty(), (request, input) -> {
            throw new AssertionError("must not be called without an input spec");
        });
        assertReason(Reason.NOT_READY, new Replayer(sample, () -> null).send(new Frame(0, 0, 0, 0, 1)));
        assertReason(Reason.NOT_READY, new Replayer(sample, () -> noFamily).send(new Frame(0, 0, 0, 0, 1)));
    }

    @Test
    public void aFrameThatDoesNotFitTheInputIsRefusedUnsent() {
        FakeInference tooBig = new FakeInference(FakeInference.grey(28, 28), (request, input) -> {
            throw new AssertionError("a frame that does not fit must not be sent");
        });
        assertReason(Reason.INVALID_INPUT, new Replayer(sample, () -> tooBig).send(new Frame(0, 0, 0, 0, 1)));
    }

    private static void assertReason(Reason reason, CompletableFuture<InferenceResult> result) {
        try {
            result.get();
            throw new AssertionError("expected " + reason);
        } catch (ExecutionException e) {
            assertTrue(String.valueOf(e.getCause()), e.getCause() instanceof InferenceException i
                && i.reason() == reason);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
