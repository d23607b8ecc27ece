package io.dynofa.bench.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** CPU time of every thread of this JVM over a stretch of wall time, in cores (1.0 = one core busy). */
final class CpuMeter {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long cpuAtStart;
    private long wallAtStart;

    void start() {
        cpuAtStart = cpuNanos();
        wallAtStart = System.nanoTime();
    }

    /** Cores used since {@link #start}, or -1 when the JVM does not measure thread CPU time. */
    double cores() {
        long cpu = cpuNanos();
        long wall = System.nanoTime() - wallAtStart;
        return cpu < 0 || cpuAtStart < 0 || wall <= 0 ? -1 : (double) (cpu - cpuAtStart) / wall;
    }

    /** Threads that ended in between are not counted: the measured ones live throughout. */
    private long cpuNanos() {
        if (!threads.isThreadCpuTimeSupported()) {
            return -1;
        }
        if (!threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            long t = threads.getThreadCpuTime(id);
            if (t > 0) {
                total += t;
            }
        }
        return total;
    }
}
