package io.dynofa.shell.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class TextTableTest {

    @Test
    public void padsEveryColumnToItsWidestCellAndTrimsLineEnds() {
        String table = new TextTable("#", "id", "note").row(0, "a-long-id", "x").row(12, "b", null).toString();

        assertEquals(""
            + "#   id         note\n"
            + "0   a-long-id  x\n"
            + "12  b          -\n", table);
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsARowOfTheWrongWidth() {
        new TextTable("a", "b").row("only one");
    }
}
