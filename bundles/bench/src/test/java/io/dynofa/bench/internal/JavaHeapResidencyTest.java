package io.dynofa.bench.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class JavaHeapResidencyTest {

    @Test
    public void theG1HeapRangeIgnoresMetaspace() {
        String info = " garbage-first heap   total 110592K, used 54000K [0x0000000682c00000, 0x0000000800000000)\n"
            + "  region size 2048K, 3 young (6144K), 0 survivors (0K)\n"
            + " Metaspace       used 19000K, committed 20000K, reserved 1114112K\n"
            + "  class space    used 2000K, committed 2200K, reserved 1048576K [0x0000000900000000, 0x0000000940000000)\n";

        assertArrayEquals(new long[] {0x682c00000L, 0x800000000L}, JavaHeapResidency.range(info));
    }

    @Test
    public void theSerialHeapRangeSpansItsGenerations() {
        String info = " def new generation   total 4928K, used 1000K [0x00000000f0000000, 0x00000000f0550000, "
            + "0x00000000f5550000)\n"
            + " tenured generation   total 10944K, used 8000K [0x00000000f5550000, 0x00000000f6000000, "
            + "0x0000000100000000)\n";

        assertArrayEquals(new long[] {0xf0000000L, 0x100000000L}, JavaHeapResidency.range(info));
    }

    @Test
    public void noAddressesIsAClearError() {
        assertThrows(IllegalArgumentException.class, () -> JavaHeapResidency.range("Metaspace used 1K"));
    }

    @Test
    public void sumsTheRssOfMappingsWhollyInsideTheRange() {
        String smaps = "55d0000000-55d0001000 r-xp 00000000 08:01 123 /usr/bin/java\n"
            + "Size:                  4 kB\nRss:                   4 kB\n"
            + "682c00000-690000000 rw-p 00000000 00:00 0 \n"
            + "Size:             217088 kB\nRss:               6000 kB\nPss:               6000 kB\n"
            + "690000000-800000000 ---p 00000000 00:00 0 \n"
            + "Size:            6000000 kB\nRss:                  0 kB\n"
            + "800000000-800100000 rw-p 00000000 00:00 0 \n"
            + "Size:               1024 kB\nRss:                512 kB\n";

        assertEquals(6000, JavaHeapResidency.residentKbWithin(smaps, 0x682c00000L, 0x800000000L));
    }
}
