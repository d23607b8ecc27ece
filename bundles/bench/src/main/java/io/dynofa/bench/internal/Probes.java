package io.dynofa.bench.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Process and thread probes: resident set size and bytes allocated by the current thread. */
final class Probes {
    private static final Method ALLOCATED = allocatedBytesMethod();

    private Probes() {
    }

    /** VmRSS of this process in kB (from /proc/self/status), -1 when unknown. */
    static long rssKb() {
        return statusKb("VmRSS:")[0];
    }

    /** The values of {@code keys} (such as {@code "VmRSS:"}) in /proc/self/status, kB, read at once; -1 when unknown. */
    static long[] statusKb(String... keys) {
        long[] values = new long[keys.length];
        Arrays.fill(values, -1);
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                for (int i = 0; i < keys.length; i++) {
                    if (line.startsWith(keys[i])) {
                        values[i] = Long.parseLong(line.substring(keys[i].length()).trim().split("\\s+")[0]);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            Arrays.fill(values, -1);
        }
        return values;
    }

    /**
     * Heap bytes allocated so far by the current thread, as
     * {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes} reports them (the counter JMH's gc
     * profiler reads); -1 when the JVM does not offer it. Reached reflectively through the platform class
     * loader, so the bundle needs no import of {@code com.sun.management}.
     */
    static long allocatedBytes() {
        if (ALLOCATED == null) {
            return -1;
        }
        try {
            return (Long) ALLOCATED.invoke(ManagementFactory.getThreadMXBean(), Thread.currentThread().getId());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    private static Method allocatedBytesMethod() {
        try {
            Class<?> type = ClassLoader.getPlatformClassLoader().loadClass("com.sun.management.ThreadMXBean");
            ThreadMXBean bean = ManagementFactory.getThreadMXBean();
            if (!type.isInstance(bean)) {
                return null;
            }
            Method m = type.getMethod("getThreadAllocatedBytes", long.class);
            type.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(bean, true);
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
