package io.dynofa.monitor.memory.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class KibFieldsTest {
    static final String STATUS = "Name:\tjava\n"
        + "VmPeak:\t  400000 kB\n"
        + "VmRSSX:\t       1 kB\n"
        + "VmRSS:\t  204800 kB\n"
        + "RssAnon:\t  100000 kB\n"
        + "Threads:\t27\n";

    @Test
    public void findsTheLineWithExactlyThatName() {
        assertEquals(204_800, KibFields.find(STATUS, "VmRSS").getAsLong());
        assertEquals(100_000, KibFields.find(STATUS, "RssAnon").getAsLong());
    }

    @Test
    public void emptyWhenNoLineHasThatName() {
        assertTrue(KibFields.find(STATUS, "VmSwap").isEmpty());
        assertTrue(KibFields.find(STATUS, "Rss").isEmpty());
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsALineWithoutTheKbUnit() {
        KibFields.find(STATUS, "Threads");
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsANonNumericValue() {
        KibFields.find("VmRSS:\t lots kB\n", "VmRSS");
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsANegativeValue() {
        KibFields.find("VmRSS:\t -5 kB\n", "VmRSS");
    }
}
