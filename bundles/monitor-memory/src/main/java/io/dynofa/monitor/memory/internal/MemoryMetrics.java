package io.dynofa.monitor.memory.internal;

/** The metric names the memory monitor publishes. Sizes are in MiB (2^20 bytes). */
final class MemoryMetrics {
    static final String HEAP_USED_MB = "memory.heap.used.mb";
    static final String HEAP_MAX_MB = "memory.heap.max.mb";
    static final String RSS_MB = "memory.rss.mb";
    static final String AVAILABLE_MB = "memory.available.mb";
    static final String AVAILABLE_RATIO = "memory.available.ratio";

    private MemoryMetrics() {
    }
}
