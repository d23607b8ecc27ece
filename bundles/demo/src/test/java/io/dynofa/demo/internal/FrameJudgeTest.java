package io.dynofa.demo.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InferenceException.Reason;
import io.dynofa.inference.api.InferenceResult;
import io.dynofa.inference.api.Tensor;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class FrameJudgeTest {
    private static final int[] LABELS = {3, 1, 4, 1, 5};

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private FrameJudge judge;

    @Before
    public void writeSample() throws IOException {
        judge = new FrameJudge(Sample.load(IdxFiles.sample(tmp.getRoot().toPath(), 2, 2, LABELS)));
    }

    @Test
    public void countsTheItemsWhoseRowNamesTheirLabelAcrossTheEndOfTheSample() {
        Frame frame = new Frame(7, 1_000, 500, 3, 3);
        FrameRecord record = judge.judge(frame, 1_100, 1_400, FakeInference.classified("big", 1, 0, 3), null);
        assertEquals(FrameRecord.Verdict.OK, record.verdict());
        assertEquals("images 3 and 0 right, image 4 wrong", 2, record.correct());
        assertEquals("big", record.levelId());
        assertEquals("cpu", record.backendId());
        assertEquals(400, record.latencyNanos());
        assertNull(record.reason());
    }

    @Test
    public void anAnswerAfterTheDeadlineIsLateAndSaysByHowMuch() {
        Frame frame = new Frame(0, 0, 2_000_000, 0, 1);
        FrameRecord record = judge.judge(frame, 0, 3_000_000, FakeInference.classified("big", 3), null);
        assertEquals(FrameRecord.Verdict.LATE, record.verdict());
        assertEquals(1, record.correct());
        assertTrue(record.reason(), record.reason().contains("3.000 ms") && record.reason().contains("2.000 ms"));
        assertTrue(record.miss() && record.served());
    }

    @Test
    public void refusalsBeforeARunAreDropsAndOtherFailuresFailures() {
        Frame frame = new Frame(0, 0, 0, 0, 1);
        for (Reason reason : new Reason[] {Reason.NOT_READY, Reason.OVERLOADED, Reason.DEADLINE_EXCEEDED}) {
            FrameRecord record = judge.judge(frame, 1, 2, null,
                new CompletionException(new InferenceException(reason, "refused")));
            assertEquals(reason.name(), FrameRecord.Verdict.DROPPED, record.verdict());
            assertTrue(record.reason(), record.reason().startsWith(reason.name()));
            assertEquals(1, record.startNanos());
        }
        FrameRecord expired = judge.judge(frame, 1, 2, null, new Replayer.Expired());
        assertEquals(FrameRecord.Verdict.DROPPED, expired.verdict());
        assertEquals(Replayer.EXPIRED_BUILDING, expired.reason());
        assertEquals(FrameRecord.Verdict.FAILED, judge.judge(frame, 1, 2, null,
            new InferenceException(Reason.BACKEND_FAILURE, "crashed")).verdict());
        assertEquals(FrameRecord.Verdict.FAILED, judge.judge(frame, 1, 2, null, new IllegalStateException("bug"))
            .verdict());
    }

    @Test
    public void anOutputThatIsNotOneRowPerItemIsAFailure() {
        Frame frame = new Frame(0, 0, 0, 0, 2);
        InferenceResult oneRow = FakeInference.classified("big", 3);
        FrameRecord record = judge.judge(frame, 0, 1, oneRow, null);
        assertEquals(FrameRecord.Verdict.FAILED, record.verdict());
        assertTrue(record.reason(), record.reason().contains("[1, 10]"));
        InferenceResult bytes = new InferenceResult(Tensor.ofBytes(new byte[20], 2, 10), "f", "big", "cpu", 1);
        assertEquals(FrameRecord.Verdict.FAILED, judge.judge(frame, 0, 1, bytes, null).verdict());
    }
}
