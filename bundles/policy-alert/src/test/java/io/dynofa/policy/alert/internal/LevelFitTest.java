package io.dynofa.policy.alert.internal;

import static io.dynofa.policy.testing.PolicyContexts.LEVELS;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class LevelFitTest {

    @Test
    public void mostAccurateLevelWithinTheBudget() {
        assertEquals(2, LevelFit.mostAccurateFitting(LEVELS, 1.0, 2.0));
        assertEquals(4, LevelFit.mostAccurateFitting(LEVELS, 0.5, 2.0));
        assertEquals(1, LevelFit.mostAccurateFitting(LEVELS, 1.25, 2.0));
        assertEquals(0, LevelFit.mostAccurateFitting(LEVELS, 2.5, 2.0));
    }

    @Test
    public void aLevelExactlyAtTheBudgetFits() {
        assertEquals(1, LevelFit.mostAccurateFitting(LEVELS, 1.0, 1.6));
    }

    @Test
    public void fastestLevelWhenNoneFits() {
        assertEquals(0, LevelFit.mostAccurateFitting(LEVELS, 4.0, 2.0));
    }

    @Test
    public void fastestLevelAtTheAccuracyFloor() {
        assertEquals(0, LevelFit.fastestAtFloor(LEVELS, 0).getAsInt());
        assertEquals(2, LevelFit.fastestAtFloor(LEVELS, 74.5).getAsInt());
        assertEquals(3, LevelFit.fastestAtFloor(LEVELS, 77.0).getAsInt());
        assertTrue(LevelFit.fastestAtFloor(LEVELS, 80).isEmpty());
    }
}
