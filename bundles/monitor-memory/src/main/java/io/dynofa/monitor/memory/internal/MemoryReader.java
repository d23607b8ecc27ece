package io.dynofa.monitor.memory.internal;

import java.io.IOException;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Reads the memory metrics on demand. Partial availability: the heap metrics are always present (the
 * maximum only when the JVM defines one); the RSS only while the status file is readable and has a
 * VmRSS line; the available memory and ratio only while the meminfo file is readable and has MemTotal
 * and MemAvailable. A missing source leaves its metrics out; nothing is estimated in their place.
 */
final class MemoryReader {
    private static final double KIB_PER_MIB = 1024;

    private final Supplier<MemoryUsage> heap;
    private final Path procStatus;
    private final Path meminfo;

    MemoryReader(Supplier<MemoryUsage> heap, Path procStatus, Path meminfo) {
        this.heap = heap;
        this.procStatus = procStatus;
        this.meminfo = meminfo;
    }

    /** Never throws; see the class comment for which metrics can be missing. */
    Map<String, Double> read() {
        Map<String, Double> metrics = new HashMap<>(HeapMetrics.of(heap.get()));
        residentMib().ifPresent(mib -> metrics.put(MemoryMetrics.RSS_MB, mib));
        memInfo().ifPresent(info -> {
            metrics.put(MemoryMetrics.AVAILABLE_MB, info.availableMib());
            metrics.put(MemoryMetrics.AVAILABLE_RATIO, info.availableRatio());
        });
        return Map.copyOf(metrics);
    }

    private OptionalDouble residentMib() {
        try {
            OptionalLong kib = KibFields.find(readBytesAsText(procStatus), "VmRSS");
            return kib.isPresent() ? OptionalDouble.of(kib.getAsLong() / KIB_PER_MIB) : OptionalDouble.empty();
        } catch (IOException | IllegalArgumentException e) {
            return OptionalDouble.empty();
        }
    }

    private Optional<MemInfo> memInfo() {
        try {
            return Optional.of(MemInfo.parse(readBytesAsText(meminfo)));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String readBytesAsText(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.ISO_8859_1);
    }
}
