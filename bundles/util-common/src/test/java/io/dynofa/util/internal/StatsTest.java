package io.dynofa.util.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.Test;

public class StatsTest {

    @Test
    public void theMedianOfAnOddCountIsTheMiddleValueOfAnEvenCountTheMeanOfTheTwo() {
        assertEquals(3.0, Stats.median(new long[] {9, 1, 3}, 3), 0);
        assertEquals(2.5, Stats.median(new long[] {4, 1, 3, 2}, 4), 0);
        assertEquals(2.5, Stats.median(new double[] {4, 1, 3, 2}, 4), 0);
        assertEquals(2.5, Stats.median(List.of(4.0, 1.0, 3.0, 2.0)), 0);
        assertEquals(1_000_000.5, Stats.median(new long[] {1_000_001, 1_000_000}, 2), 0);
    }

    @Test
    public void onlyTheFirstNValuesOrTheRangeCountAndTheInputIsLeftAlone() {
        long[] values = {1, 2, 3, 1000, 1000};
        assertEquals(2.0, Stats.median(values, 3), 0);
        assertEquals(1000.0, Stats.median(values, 2, 5), 0);
        assertEquals(2.5, Stats.median(values, 1, 3), 0);
        assertEquals(3.0, Stats.percentile(new double[] {3, 1, 2, 1000}, 3, 1.0), 0);
        long[] unsorted = {3, 1, 2};
        Stats.median(unsorted, 3);
        Stats.percentile(unsorted, 3, 0.5);
        assertEquals(List.of(3L, 1L, 2L), List.of(unsorted[0], unsorted[1], unsorted[2]));
    }

    @Test
    public void percentilesAreNearestRank() {
        long[] hundred = new long[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = 100 - i;
        }
        assertEquals(95.0, Stats.percentile(hundred, 100, 0.95), 0);
        assertEquals(1.0, Stats.percentile(hundred, 100, 0.0), 0);
        assertEquals(100.0, Stats.percentile(hundred, 100, 1.0), 0);
        long[] twenty = new long[20];
        for (int i = 0; i < 20; i++) {
            twenty[i] = i + 1;
        }
        assertEquals("p95 of 20 is the 19th", 19.0, Stats.percentile(twenty, 20, 0.95), 0);
        assertEquals(1, Stats.rank(0.0, 7));
        assertEquals(7, Stats.rank(0.95, 7));
        assertEquals(5, Stats.rank(0.5, 10));
        assertEquals(6, Stats.rank(0.51, 10));
    }

    @Test
    public void meanAndSampleStandardDeviation() {
        long[] values = {2, 4, 4, 4, 5, 5, 7, 9};
        assertEquals(5.0, Stats.mean(values, 8), 0);
        assertEquals(Math.sqrt(32.0 / 7), Stats.standardDeviation(values, 8), 1e-12);
        assertEquals(0.0, Stats.standardDeviation(new long[] {42}, 1), 0);
    }

    @Test
    public void noValuesGiveNaN() {
        assertTrue(Double.isNaN(Stats.median(new long[0], 0)));
        assertTrue(Double.isNaN(Stats.median(new long[] {1, 2}, 1, 1)));
        assertTrue(Double.isNaN(Stats.median(List.of())));
        assertTrue(Double.isNaN(Stats.percentile(new double[0], 0, 0.5)));
        assertTrue(Double.isNaN(Stats.percentile(new long[0], 0, 0.5)));
        assertTrue(Double.isNaN(Stats.mean(new long[0], 0)));
        assertTrue(Double.isNaN(Stats.standardDeviation(new long[0], 0)));
    }

    @Test
    public void roundingKeepsNonFiniteValues() {
        assertEquals(1.235, Stats.round(1.23456, 3), 0);
        assertEquals(2.0, Stats.round(1.5, 0), 0);
        assertTrue(Double.isNaN(Stats.round(Double.NaN, 2)));
        assertEquals(Double.POSITIVE_INFINITY, Stats.round(Double.POSITIVE_INFINITY, 2), 0);
    }

    @Test
    public void mediansByKeyTakeOnlyTheFirstNInTheOrderKeysFirstOccur() {
        Map<String, Double> m = Stats.mediansBy(new String[] {"small", "large", "small", "large", "small"},
            new double[] {1.8, 1.0, 1.6, 1.2, 9.0}, 4);

        assertEquals(List.of("small", "large"), List.copyOf(m.keySet()));
        assertEquals(1.7, m.get("small"), 1e-9);
        assertEquals(1.1, m.get("large"), 1e-9);
    }
}
