package io.dynofa.soak.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What the gateway's process holds at one moment, read from /proc/self (Linux) and the JVM: resident memory,
 * heap used after a full collection, live JVM threads, all threads of the process (ONNX Runtime's native pools
 * too) and open file descriptors. A figure the system does not offer is -1.
 */
final class ProcessGauges {
    private ProcessGauges() {
    }

    /** One reading; runs a full garbage collection first so that the heap figure is what is still reachable. */
    static Gauges read() {
        System.gc();
        String status = procStatus();
        long rssKb = field(status, "VmRSS");
        return new Gauges(rssKb < 0 ? -1 : rssKb / 1024.0,
            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0),
            ManagementFactory.getThreadMXBean().getThreadCount(), (int) field(status, "Threads"), openFiles());
    }

    /** The number of a {@code Key:  value [kB]} line of /proc/self/status, or -1 when there is none. */
    static long field(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key + ":")) {
                String[] words = line.substring(key.length() + 1).strip().split("\\s+");
                try {
                    return Long.parseLong(words[0]);
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static String procStatus() {
        try {
            return Files.readString(Path.of("/proc/self/status"));
        } catch (IOException e) {
            return "";
        }
    }

    private static int openFiles() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** A reading: RSS and heap after GC in MiB, JVM threads, process threads, open file descriptors. */
    record Gauges(double rssMb, double heapMb, int jvmThreads, int osThreads, int fds) {
    }
}
