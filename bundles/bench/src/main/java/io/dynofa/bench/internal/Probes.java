package io.dynofa.bench.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/** Process and thread probes: resident set size and bytes allocated by the current thread. */
final class Probes {
    private static final Method ALLOCATED = allocatedBytesMethod();

    private Probes() {
    }

    /** VmRSS of this process in kB (from /proc/self/status), -1 when unknown. */
    static long rssKb() {
        return statusKb(Path.of("/proc/self/status"), "VmRSS:");
    }

    static long statusKb(Path status, String key) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
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
