package io.dynofa.monitor.memory.internal;

/**
 * The system-wide memory figures of {@code /proc/meminfo}.
 *
 * @param totalKib MemTotal
 * @param availableKib MemAvailable: the kernel's estimate of memory available to new work without swapping
 */
record MemInfo(long totalKib, long availableKib) {
    private static final double KIB_PER_MIB = 1024;

    /** @throws IllegalArgumentException when MemTotal or MemAvailable (kernels before 3.14) is missing or malformed */
    static MemInfo parse(String meminfo) {
        long total = KibFields.find(meminfo, "MemTotal")
            .orElseThrow(() -> new IllegalArgumentException("no MemTotal line"));
        long available = KibFields.find(meminfo, "MemAvailable")
            .orElseThrow(() -> new IllegalArgumentException("no MemAvailable line"));
        if (total == 0) {
            throw new IllegalArgumentException("MemTotal is 0");
        }
        return new MemInfo(total, available);
    }

    double availableMib() {
        return availableKib / KIB_PER_MIB;
    }

    double availableRatio() {
        return (double) availableKib / totalKib;
    }
}
