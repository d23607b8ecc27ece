package io.dynofa.monitor.pressure.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class StallCounterTest {
    private static final long MS = 1_000_000L;

    @Test
    public void stalledMicrosOverElapsedTime() {
        StallCounter before = new StallCounter(1_000_000, 0);
        assertEquals(0.25, new StallCounter(1_050_000, 200 * MS).stalledShareSince(before).getAsDouble(), 1e-12);
        assertEquals(0.0, new StallCounter(1_000_000, 200 * MS).stalledShareSince(before).getAsDouble(), 0);
    }

    @Test
    public void clampedToOneWhenTheCounterRunsAheadOfTheClock() {
        StallCounter before = new StallCounter(0, 0);
        assertEquals(1.0, new StallCounter(260_000, 250 * MS).stalledShareSince(before).getAsDouble(), 0);
    }

    @Test
    public void nothingWhenNoTimePassedOrTheCounterWentBack() {
        StallCounter before = new StallCounter(500, 10 * MS);
        assertTrue(new StallCounter(900, 10 * MS).stalledShareSince(before).isEmpty());
        assertTrue(new StallCounter(400, 20 * MS).stalledShareSince(before).isEmpty());
    }
}
