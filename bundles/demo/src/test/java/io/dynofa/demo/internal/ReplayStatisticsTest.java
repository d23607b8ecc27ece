package io.dynofa.demo.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import io.dynofa.monitor.api.Metrics;
import java.util.Map;
import org.junit.Test;

public class ReplayStatisticsTest {
    private static final long MS = 1_000_000;
    private final ReplayStatistics statistics = new ReplayStatistics(1_000 * MS);

    @Test
    public void countsFramesAndItemsCumulativelyAndTheWindowsMissesAndTail() {
        statistics.settings(5.0, 1_000 * MS);
        statistics.ended(answered(0, 4 * MS, "big", 3, FrameRecord.Verdict.OK), 4 * MS);
        statistics.ended(answered(10 * MS, 19 * MS, "big", 4, FrameRecord.Verdict.LATE), 19 * MS);
        statistics.ended(FrameRecord.dropped(frame(20 * MS), -1, 30 * MS, "displaced"), 30 * MS);
        statistics.ended(FrameRecord.failed(frame(30 * MS), 31 * MS, 32 * MS, "crashed"), 32 * MS);
        Map<String, Double> m = statistics.read(40 * MS);
        assertEquals(4.0, m.get(ReplayStatistics.FRAMES), 0);
        assertEquals(1.0, m.get(ReplayStatistics.FRAMES_LATE), 0);
        assertEquals(1.0, m.get(ReplayStatistics.FRAMES_DROPPED), 0);
        assertEquals(1.0, m.get(ReplayStatistics.DROPPED), 0);
        assertEquals(1.0, m.get(ReplayStatistics.FRAMES_FAILED), 0);
        assertEquals(1.0, m.get(ReplayStatistics.FAILED), 0);
        assertEquals(7.0, m.get(ReplayStatistics.ITEMS_CORRECT), 0);
        assertEquals(7.0, m.get(ReplayStatistics.CORRECT), 0);
        assertEquals("7 of 8 answered items", 87.5, m.get(ReplayStatistics.ACCURACY), 1e-9);
        assertEquals(2.0, m.get("demo.level.big.frames"), 0);
        assertEquals(7.0, m.get("demo.level.big.correct"), 0);
        assertEquals(4.0, m.get(Metrics.FRAME_COUNT), 0);
        assertEquals(0.75, m.get(Metrics.FRAME_MISS_RATE), 1e-12);
        assertEquals(9.0, m.get(Metrics.FRAME_LATENCY_P95_MS), 0);
        assertEquals(9.0, m.get(Metrics.FRAME_LATENCY_P99_MS), 0);
        assertEquals(5.0, m.get(Metrics.FRAME_DEADLINE_MS), 0);

        Map<String, Double> later = statistics.read(2_000 * MS);
        assertEquals(0.0, later.get(Metrics.FRAME_COUNT), 0);
        assertFalse(later.containsKey(Metrics.FRAME_MISS_RATE));
        assertFalse(later.containsKey(Metrics.FRAME_LATENCY_P95_MS));
        assertEquals("cumulative counts stay", 4.0, later.get(ReplayStatistics.FRAMES), 0);
    }

    @Test
    public void withoutADeadlineNoneIsPublished() {
        statistics.settings(Double.NaN, 1_000 * MS);
        assertFalse(statistics.read(0).containsKey(Metrics.FRAME_DEADLINE_MS));
        assertFalse(statistics.read(0).containsKey(ReplayStatistics.ACCURACY));
    }

    private static Frame frame(long arrival) {
        return new Frame(0, arrival, 5 * MS, 0, 4);
    }

    private static FrameRecord answered(long arrival, long end, String level, int correct,
                                        FrameRecord.Verdict verdict) {
        return new FrameRecord(frame(arrival), arrival, end, level, "cpu", correct, verdict, null);
    }
}
