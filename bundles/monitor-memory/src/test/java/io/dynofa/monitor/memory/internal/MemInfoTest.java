package io.dynofa.monitor.memory.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class MemInfoTest {
    static final String MEMINFO = "MemTotal:        8388608 kB\n"
        + "MemFree:         1048576 kB\n"
        + "MemAvailable:    2097152 kB\n"
        + "Buffers:           65536 kB\n";

    @Test
    public void availableInMibAndAsAShareOfTotal() {
        MemInfo info = MemInfo.parse(MEMINFO);
        assertEquals(new MemInfo(8_388_608, 2_097_152), info);
        assertEquals(2048.0, info.availableMib(), 0);
        assertEquals(0.25, info.availableRatio(), 0);
    }

    @Test(expected = IllegalArgumentException.class)
    public void kernelsWithoutMemAvailableAreRejectedNotEstimated() {
        MemInfo.parse("MemTotal:  8388608 kB\nMemFree:  1048576 kB\n");
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsAZeroTotal() {
        MemInfo.parse("MemTotal:  0 kB\nMemAvailable:  0 kB\n");
    }
}
