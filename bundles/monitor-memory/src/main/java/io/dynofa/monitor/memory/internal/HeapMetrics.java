package io.dynofa.monitor.memory.internal;

import java.lang.management.MemoryUsage;
import java.util.Map;

/** The JVM heap figures as metrics. */
final class HeapMetrics {
    private static final double BYTES_PER_MIB = 1024 * 1024;
    private static final long UNDEFINED = -1;

    private HeapMetrics() {
    }

    /** Used heap, plus the maximum when the JVM defines one. */
    static Map<String, Double> of(MemoryUsage heap) {
        double used = heap.getUsed() / BYTES_PER_MIB;
        return heap.getMax() == UNDEFINED
            ? Map.of(MemoryMetrics.HEAP_USED_MB, used)
            : Map.of(MemoryMetrics.HEAP_USED_MB, used, MemoryMetrics.HEAP_MAX_MB, heap.getMax() / BYTES_PER_MIB);
    }
}
