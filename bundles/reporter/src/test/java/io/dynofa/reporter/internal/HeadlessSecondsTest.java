package io.dynofa.reporter.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class HeadlessSecondsTest {

    @Test
    public void positiveNumbersTurnHeadlessModeOn() {
        assertEquals(30, HeadlessSeconds.parse("30"), 0);
        assertEquals(2.5, HeadlessSeconds.parse(" 2.5 "), 0);
    }

    @Test
    public void anythingElseLeavesItOff() {
        for (String value : new String[] {null, "", "abc", "0", "-3", "NaN", "Infinity"}) {
            assertEquals(value, 0, HeadlessSeconds.parse(value), 0);
        }
    }
}
