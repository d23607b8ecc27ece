package io.dynofa.soak.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.soak.internal.ProcessGauges.Gauges;
import io.dynofa.soak.internal.RequestCounts.Counts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class SoakReportTest {
    private static final SoakSettings SETTINGS = new SoakSettings(Path.of("out"), "soak", 3, Duration.ofMillis(100),
        200, Duration.ofSeconds(60), List.of());
    private static final List<CycleRow> ROWS = List.of(
        new CycleRow(0, 1.0, new Counts(200, Map.of()), 0, 0, new Gauges(400.5, 40, 60, 80, 150)),
        new CycleRow(1, 30.2, new Counts(5000, Map.of("NO_SERVICE", 7L)), 2100, 0, new Gauges(420, 41.2, 62, 84, 152)),
        new CycleRow(2, 29.8, new Counts(5100, Map.of("NOT_READY", 2L, "NO_SERVICE", 6L)), 1900, 1,
            new Gauges(419.5, 41, 62, 84, 151)));

    @Test
    public void csvHasOneRowPerCycle() {
        assertEquals(SoakReport.CSV_HEADER + "\n"
            + "0,1.0,200,0,\"none\",0,0,400.5,40.0,60,80,150\n"
            + "1,30.2,5000,7,\"NO_SERVICE 7\",2100,0,420.0,41.2,62,84,152\n"
            + "2,29.8,5100,8,\"NOT_READY 2; NO_SERVICE 6\",1900,1,419.5,41.0,62,84,151\n", SoakReport.csv(ROWS));
    }

    @Test
    public void markdownComparesTheFirstCycleWithTheLastThenListsEveryCycleAndProblem() {
        String md = SoakReport.markdown(SETTINGS, "Run on 2 processors.", List.of("io.dynofa.demo"), ROWS,
            List.of("cycle 2: not READY 60000 ms after update io.dynofa.manager: NOT_READY []"));

        assertTrue(md, md.contains("2 of 3 cycles. Each cycle stops, starts and updates each of 1 bundles"));
        assertTrue(md, md.contains("| | before cycling | cycle 1 | cycle 2 | last - first |"));
        assertTrue(md, md.contains("| RSS (MiB) | 400.5 | 420 | 419.5 | -0.5 |"));
        assertTrue(md, md.contains("| open file descriptors | 150 | 152 | 151 | -1 |"));
        assertTrue(md, md.contains("| requests failed | 0 | 7 | 8 | +1 |"));
        assertTrue(md, md.contains("| 2 | 29.8 | 5100 | 8 | NOT_READY 2; NO_SERVICE 6 | 1900 | 1 | 419.5 | 41.0 | 62 "
            + "| 84 | 151 |"));
        assertTrue(md, md.contains("1:\n\n- cycle 2: not READY 60000 ms after update io.dynofa.manager"));
    }

    @Test
    public void listsAtMostFiftyProblems() {
        String md = SoakReport.markdown(SETTINGS, "", List.of("a"), ROWS,
            Collections.nCopies(SoakReport.MAX_PROBLEMS + 5, "x"));

        assertTrue(md, md.contains("55 (the first 50 listed):"));
        assertEquals(SoakReport.MAX_PROBLEMS, md.split("\n- x", -1).length - 1);
    }

    @Test
    public void requestsPerBundleAddUpOverCyclesByReason() {
        Counts first = new Counts(40, Map.of("NOT_READY", 100L));
        Counts second = new Counts(30, Map.of("NOT_READY", 50L, "NO_SERVICE", 5L));
        Map<String, Counts> byBundle = new java.util.LinkedHashMap<>();
        byBundle.merge("io.dynofa.manager", first, Counts::plus);
        byBundle.merge("io.dynofa.manager", second, Counts::plus);
        byBundle.merge("io.dynofa.demo", new Counts(77, Map.of()), Counts::plus);

        String md = SoakReport.byBundle(byBundle);

        assertTrue(md, md.contains("| io.dynofa.manager | 70 | 155 | NOT_READY 150; NO_SERVICE 5 |"));
        assertTrue(md, md.contains("| io.dynofa.demo | 77 | 0 | none |"));
        assertEquals("", SoakReport.byBundle(Map.of()));
    }
}
