package io.dynofa.policy.api;

import static io.dynofa.policy.testing.PolicyContexts.LEVELS;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.Test;

public class LevelFitTest {

    @Test
    public void expectedLatencyIsTheProfiledOneTimesTheSlowdown() {
        assertEquals(3.2, LevelFit.expectedMs(LEVELS.get(1), 2.0), 1e-12);
        assertTrue(LevelFit.fits(LEVELS.get(1), 2.0, 3.2));
        assertFalse(LevelFit.fits(LEVELS.get(1), 2.0, 3.19));
    }

    @Test
    public void mostAccurateLevelWithinTheBudget() {
        assertEquals(2, LevelFit.mostAccurateFitting(LEVELS, 1.0, 2.0));
        assertEquals(4, LevelFit.mostAccurateFitting(LEVELS, 0.5, 2.0));
        assertEquals(1, LevelFit.mostAccurateFitting(LEVELS, 1.25, 2.0));
        assertEquals(1, LevelFit.mostAccurateFitting(LEVELS, 1.0, 1.8));
        assertEquals(3, LevelFit.mostAccurateFitting(LEVELS, 0.85, 1.8));
        assertEquals(0, LevelFit.mostAccurateFitting(LEVELS, 2.5, 2.0));
    }

    @Test
    public void aLevelExactlyAtTheBudgetFits() {
        assertEquals(1, LevelFit.mostAccurateFitting(LEVELS, 1.0, 1.6));
    }

    @Test
    public void fastestLevelWhenNoneFits() {
        assertEquals(0, LevelFit.mostAccurateFitting(LEVELS, 4.0, 2.0));
        assertFalse(LevelFit.fits(LEVELS.get(0), 4.0, 2.0));
        assertEquals(0, LevelFit.mostAccurateFitting(LEVELS, Double.NaN, 2.0));
    }

    @Test(expected = IllegalArgumentException.class)
    public void noLevelsIsRefused() {
        LevelFit.mostAccurateFitting(List.of(), 1.0, 2.0);
    }

    @Test
    public void mostAccurateFittingLevelAtTheFloor() {
        assertEquals(OptionalInt.of(2), LevelFit.mostAccurateFittingAtFloor(LEVELS, 1.0, 2.0, 0));
        assertEquals(OptionalInt.of(2), LevelFit.mostAccurateFittingAtFloor(LEVELS, 1.0, 2.0, 75));
        assertEquals("the level that fits is below the floor", OptionalInt.empty(),
            LevelFit.mostAccurateFittingAtFloor(LEVELS, 1.0, 2.0, 77));
        assertEquals("the fastest level fits only with no floor", OptionalInt.of(0),
            LevelFit.mostAccurateFittingAtFloor(LEVELS, 2.5, 2.0, 0));
        assertEquals(OptionalInt.empty(), LevelFit.mostAccurateFittingAtFloor(LEVELS, 4.0, 2.0, 0));
        assertEquals(OptionalInt.empty(), LevelFit.mostAccurateFittingAtFloor(List.of(), 1.0, 2.0, 0));
    }

    @Test
    public void fastestLevelAtTheAccuracyFloor() {
        assertEquals(0, LevelFit.fastestAtFloor(LEVELS, 0).getAsInt());
        assertEquals(2, LevelFit.fastestAtFloor(LEVELS, 74.5).getAsInt());
        assertEquals(3, LevelFit.fastestAtFloor(LEVELS, 77.0).getAsInt());
        assertTrue(LevelFit.fastestAtFloor(LEVELS, 80).isEmpty());
    }
}
