package io.dynofa.bench.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import org.junit.Test;

public class NativeMemoryTest {
    private static final String SUMMARY = """
        12345:

        Native Memory Tracking:

        (Omitting categories weighting less than 1KB)

        Total: reserved=1493206KB, committed=219404KB
               malloc: 21573KB #186542
               mmap:   reserved=1471633KB, committed=197831KB

        -                 Java Heap (reserved=393216KB, committed=110592KB)
                                    (mmap: reserved=393216KB, committed=110592KB)

        -                     Class (reserved=1050118KB, committed=3910KB)
                                    (classes #5839)
                                    (  instance classes #5480, array classes #359)

        -                    Thread (reserved=6100KB, committed=6100KB)
                                    (thread #29)
                                    (stack: reserved=6012KB, committed=6012KB)

        -                      Code (reserved=2MB, committed=1MB)

        -                       GC (reserved=512B, committed=512B)
        """;

    @Test
    public void readsTheTotalsAndEveryCategoryInKb() {
        NativeMemory nmt = NativeMemory.parse(SUMMARY);

        assertEquals(1493206, nmt.reservedKb());
        assertEquals(219404, nmt.committedKb());
        assertEquals(Map.of("Java Heap", 110592L, "Class", 3910L, "Thread", 6100L, "Code", 1024L, "GC", 0L),
            nmt.committedKbByCategory());
    }

    @Test
    public void theReportKeepsCategoriesOfAMebibyteAndSumsTheRest() {
        Map<String, Object> map = NativeMemory.parse(SUMMARY).toMap();

        assertEquals(219404L, map.get("committedKb"));
        assertEquals(Map.of("Java Heap", 110592L, "Class", 3910L, "Thread", 6100L, "Code", 1024L,
            "(categories under 1 MiB)", 0L), map.get("committedKbByCategory"));
    }

    @Test
    public void trackingOffIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> NativeMemory.parse("12345:\nNative memory tracking is not enabled\n"));
        assertTrue(e.getMessage(), e.getMessage().contains("no 'Total:' line"));
    }
}
