package io.dynofa.demo.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
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
        Frame frame = new Frame(0, 1_000_000, 5_000_000, 4, 4);
        InferenceResult result = replayer.send(frame, 3_000_000).get();
        assertEquals("big", result.levelId());
        Tensor input = inference.inputs.get(0);
        assertArrayEquals(new long[] {4, 1, 2, 3}, input.shape());
        assertEquals("row 2 is image 0 (wrapped)", IdxFiles.pixel(0, 1) / 255f, input.floats()[2 * 6 + 1], 1e-6f);
        assertEquals(Duration.ofMillis(3), inference.timeouts.get(0));
    }

    @Test
    public void aFrameWithoutDeadlineGetsTheRuntimesRequestTimeout() throws Exception {
        FakeInference inference = new FakeInference(FakeInference.grey(2, 3),
            (request, input) -> FakeInference.classified("big", 0));
        new Replayer(sample, () -> inference).send(new Frame(0, 0, 0, 0, 1), 99).get();
        assertNull(inference.timeouts.get(0));
    }

    @Test
    public void withoutAServiceOrAFamilyTheFrameIsRefusedAsNotReady() {
        FakeInference noFamily = new FakeInference(Optional.empty(), (request, input) -> {
            throw new AssertionError("must not be called without an input spec");
        });
        assertReason(Reason.NOT_READY, new Replayer(sample, () -> null).send(new Frame(0, 0, 0, 0, 1), 0));
        assertReason(Reason.NOT_READY, new Replayer(sample, () -> noFamily).send(new Frame(0, 0, 0, 0, 1), 0));
    }

    @Test
    public void aFrameThatDoesNotFitTheInputIsRefusedUnsent() {
        FakeInference tooBig = new FakeInference(FakeInference.grey(28, 28), (request, input) -> {
            throw new AssertionError("a frame that does not fit must not be sent");
        });
        assertReason(Reason.INVALID_INPUT, new Replayer(sample, () -> tooBig).send(new Frame(0, 0, 0, 0, 1), 0));
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
