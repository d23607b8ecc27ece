package io.dynofa.demo.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InferenceException.Reason;
import io.dynofa.inference.api.InferenceService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ReplayerTest {
    private static final int[] LABELS = {3, 1, 4, 1, 5, 9};

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Sample sample;
    private final ReplayStatistics statistics = new ReplayStatistics();

    @Before
    public void writeSample() throws IOException {
        sample = Sample.load(IdxFiles.sample(tmp.getRoot().toPath(), 2, 3, LABELS));
    }

    @Test
    public void scoresEvenFramesRightAndOddFramesWrongAsFiftyPercent() {
        FakeInference inference = new FakeInference(FakeInference.grey(2, 3), (request, input) -> request % 2 == 0
            ? FakeInference.classified(LABELS[request], "big")
            : FakeInference.classified((LABELS[request] + 1) % FakeInference.CLASSES, "small"));
        Replayer replayer = new Replayer(sample, () -> inference, statistics, true);
        for (int i = 0; i < LABELS.length; i++) {
            assertEquals(FrameOutcome.SENT, replayer.sendNextFrame());
        }
        Map<String, Double> metrics = statistics.read();
        assertEquals(6.0, metrics.get("demo.frames"), 0);
        assertEquals(3.0, metrics.get("demo.correct"), 0);
        assertEquals(0.0, metrics.get("demo.failed"), 0);
        assertEquals(0.0, metrics.get("demo.dropped"), 0);
        assertEquals(50.0, metrics.get("demo.accuracy"), 1e-9);
        assertEquals(1.0, metrics.get("demo.passes"), 0);
        assertEquals(3.0, metrics.get("demo.level.big.frames"), 0);
        assertEquals(3.0, metrics.get("demo.level.big.correct"), 0);
        assertEquals(3.0, metrics.get("demo.level.small.frames"), 0);
        assertEquals(0.0, metrics.get("demo.level.small.correct"), 0);
    }

    @Test
    public void countsNotReadyAsDroppedNotWrong() {
        FakeInference inference = new FakeInference(FakeInference.grey(2, 3), (request, input) -> {
            throw new InferenceException(Reason.NOT_READY, "no family active");
        });
        Replayer replayer = new Replayer(sample, () -> inference, statistics, true);
        assertEquals(FrameOutcome.DROPPED, replayer.sendNextFrame());
        assertEquals(FrameOutcome.DROPPED, replayer.sendNextFrame());
        Map<String, Double> metrics = statistics.read();
        assertEquals(2.0, metrics.get("demo.frames"), 0);
        assertEquals(2.0, metrics.get("demo.dropped"), 0);
        assertEquals(0.0, metrics.get("demo.failed"), 0);
        assertFalse("no answered frame, no accuracy", metrics.containsKey("demo.accuracy"));
    }

    @Test
    public void countsAnAbsentServiceOrFamilyAsDropped() {
        FakeInference noFamily = new FakeInference(Optional.empty(), (request, input) -> {
            throw new AssertionError("must not be called without an input spec");
        });
        List<InferenceService> services = new ArrayList<>(Arrays.asList(null, noFamily));
        Replayer replayer = new Replayer(sample, () -> services.remove(0), statistics, true);
        assertEquals(FrameOutcome.DROPPED, replayer.sendNextFrame());
        assertEquals(FrameOutcome.DROPPED, replayer.sendNextFrame());
        assertEquals(2.0, statistics.read().get("demo.dropped"), 0);
    }

    @Test
    public void countsOtherFailuresAsFailed() {
        FakeInference inference = new FakeInference(FakeInference.grey(2, 3), (request, input) -> {
            if (request == 0) {
                throw new InferenceException(Reason.BACKEND_FAILURE, "session crashed");
            }
            throw new IllegalStateException("bug");
        });
        Replayer replayer = new Replayer(sample, () -> inference, statistics, true);
        assertEquals(FrameOutcome.SENT, replayer.sendNextFrame());
        assertEquals(FrameOutcome.SENT, replayer.sendNextFrame());
        FakeInference tooBig = new FakeInference(FakeInference.grey(28, 28), (request, input) -> {
            throw new AssertionError("a frame that does not fit must not be sent");
        });
        new Replayer(sample, () -> tooBig, statistics, true).sendNextFrame();
        Map<String, Double> metrics = statistics.read();
        assertEquals(3.0, metrics.get("demo.failed"), 0);
        assertEquals(3.0, metrics.get("demo.frames"), 0);
        assertEquals(0.0, metrics.get("demo.dropped"), 0);
    }

    @Test
    public void aSinglePassStopsAfterTheLastFrame() {
        FakeInference inference = alwaysRight();
        Replayer replayer = new Replayer(sample, () -> inference, statistics, false);
        for (int i = 0; i < LABELS.length - 1; i++) {
            assertEquals(FrameOutcome.SENT, replayer.sendNextFrame());
        }
        assertEquals(FrameOutcome.END_OF_SAMPLE, replayer.sendNextFrame());
        assertEquals(FrameOutcome.END_OF_SAMPLE, replayer.sendNextFrame());
        Map<String, Double> metrics = statistics.read();
        assertEquals(1.0, metrics.get("demo.passes"), 0);
        assertEquals(6.0, metrics.get("demo.frames"), 0);
        assertEquals(100.0, metrics.get("demo.accuracy"), 0);
        assertEquals(6, inference.inputs.size());
    }

    @Test
    public void loopingStartsOverAtTheFirstFrame() {
        FakeInference inference = alwaysRight();
        Replayer replayer = new Replayer(sample, () -> inference, statistics, true);
        for (int i = 0; i < 2 * LABELS.length + 1; i++) {
            assertEquals(FrameOutcome.SENT, replayer.sendNextFrame());
        }
        assertEquals(2.0, statistics.read().get("demo.passes"), 0);
        assertEquals(100.0, statistics.read().get("demo.accuracy"), 0);
        assertArrayEquals(inference.inputs.get(0).floats(), inference.inputs.get(12).floats(), 0f);
    }

    private static FakeInference alwaysRight() {
        return new FakeInference(FakeInference.grey(2, 3),
            (request, input) -> FakeInference.classified(LABELS[request % LABELS.length], "big"));
    }
}
