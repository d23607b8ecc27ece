package io.dynofa.profiler.internal;

import static io.dynofa.profiler.internal.Profiles.ofa;
import static io.dynofa.profiler.internal.Profiles.width;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.Test;

public class HeadlineTest {

    @Test
    public void speedupAtEqualAccuracyAndGainAtEqualLatencyPerWidthPoint() {
        Headline h = Headline.of(Profiles.sample().levels());

        // width-222 82.0 @ 0.4: fastest OFA >= 82.0 is ofa-02 @ 0.2 -> 2x; best OFA <= 0.4 ms is ofa-02 84.25 -> +2.25
        // width-444 86.0 @ 0.8: ofa-04 @ 0.45 -> 1.778x; best <= 0.8 is ofa-04 88.0 -> +2.0
        // width-666 88.5 @ 1.2: no OFA that accurate; best <= 1.2 is ofa-04 88.0 -> -0.5
        assertEquals(2, h.speedups().size());
        assertEquals(2.0, h.speedups().get(0), 1e-12);
        assertEquals(0.8 / 0.45, h.speedups().get(1), 1e-12);
        assertEquals(List.of(2.25, 2.0, -0.5), h.gains());
        assertEquals(2.0, h.maxSpeedup().orElseThrow(), 1e-12);
        assertEquals((2.0 + 0.8 / 0.45) / 2, h.medianSpeedup().orElseThrow(), 1e-12);
        assertEquals(2.25, h.maxGain().orElseThrow(), 1e-12);
        assertEquals(2.0, h.medianGain().orElseThrow(), 1e-12);
    }

    @Test
    public void withoutAWidthOnlySeriesThereIsNothingToCompare() {
        Headline h = Headline.of(List.of(ofa("a", 80, 1), ofa("b", 85, 2)));

        assertTrue(h.speedups().isEmpty() && h.gains().isEmpty());
        assertEquals(Optional.empty(), h.maxSpeedup());
        assertEquals("n/a", ProfileReport.times(h.medianSpeedup()));
    }

    @Test
    public void aWidthPointFasterThanEveryOfaPointHasNoGain() {
        Headline h = Headline.of(List.of(ofa("a", 80, 1), width("w", 70, 0.5)));

        assertEquals("slower OFA: a ratio below 1", List.of(0.5), h.speedups());
        assertTrue(h.gains().isEmpty());
    }

    @Test
    public void theReportHasTheHeadlineAndEveryCandidateFastestFirst() {
        String md = ProfileReport.markdown(Profiles.sample(), "cpu.png");

        assertTrue(md, md.contains("up to 2.00x faster"));
        assertTrue(md, md.contains("up to +2.25 points more accurate"));
        assertTrue(md, md.indexOf("| ofa-01 |") < md.indexOf("| ofa-02 |"));
        assertTrue(md, md.contains("| ofa-04 | ofa | 1.00 | 88.00 | 0.4500 | 0.5400 | 0.0450 | 100 | **2** |"));
        assertTrue(md, md.contains("| width-222 | width-only | 2.00 | 82.00 | 0.4000 |"));
    }

    @Test
    public void theProgressLineEstimatesTheTimeLeftOverAllBackends() {
        // second backend of two, 5 of 10 done there: 15 of 20 done in 30 s -> 10 s left
        String line = ProgressBar.line("cpu2", 1, 2, 5, 10, "ofa-06", 30_000_000_000L);
        assertTrue(line, line.contains(" 15/20 cpu2 ofa-06"));
        assertTrue(line, line.endsWith("elapsed 0:30  ETA 0:10"));
        assertTrue(line, line.startsWith("[######################........]"));
    }
}
