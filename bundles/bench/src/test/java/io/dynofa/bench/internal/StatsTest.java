package io.dynofa.bench.internal;

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
    }

    @Test
    public void onlyTheFirstNValuesCount() {
        assertEquals(2.0, Stats.median(new long[] {1, 2, 3, 1000, 1000}, 3), 0);
        assertEquals(3.0, Stats.percentile(new double[] {3, 1, 2, 1000}, 3, 1.0), 0);
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
    }

    @Test
    public void noValuesGiveNaN() {
        assertTrue(Double.isNaN(Stats.median(new long[0], 0)));
        assertTrue(Double.isNaN(Stats.percentile(new double[0], 0, 0.5)));
    }

    @Test
    public void roundingKeepsNonFiniteValues() {
        assertEquals(1.235, Stats.round(1.23456, 3), 0);
        assertTrue(Double.isNaN(Stats.round(Double.NaN, 2)));
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
