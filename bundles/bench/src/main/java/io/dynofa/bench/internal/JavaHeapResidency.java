package io.dynofa.bench.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * How much of the Java heap is resident: the heap's address range from {@code GC.heap_info} (the same
 * DiagnosticCommand jcmd runs), and the Rss of every mapping of /proc/self/smaps inside it. NMT counts the heap's
 * committed size, which the JVM commits up front ({@code -Xms}) but the process touches only as it allocates.
 */
final class JavaHeapResidency {
    private static final Pattern ADDRESS = Pattern.compile("0x([0-9a-fA-F]{1,16})");
    private static final Pattern MAPPING = Pattern.compile("^([0-9a-f]{1,16})-([0-9a-f]{1,16})\\s");

    private JavaHeapResidency() {
    }

    /** Resident kB of this JVM's Java heap; empty when the heap's range or smaps cannot be read. */
    static OptionalLong ofThisJvm() {
        try {
            Object info = ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcHeapInfo",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
            long[] range = range(String.valueOf(info));
            return OptionalLong.of(residentKbWithin(Files.readString(Path.of("/proc/self/smaps")), range[0], range[1]));
        } catch (JMException | IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The lowest and highest address {@code GC.heap_info} names (G1 prints the heap's range, Serial and Parallel
     * one range per generation); the Metaspace lines after them are not the heap.
     *
     * @throws IllegalArgumentException when it names fewer than two addresses
     */
    static long[] range(String heapInfo) {
        long lo = Long.MAX_VALUE;
        long hi = 0;
        int found = 0;
        int metaspace = heapInfo.indexOf("Metaspace");
        Matcher m = ADDRESS.matcher(metaspace < 0 ? heapInfo : heapInfo.substring(0, metaspace));
        while (m.find()) {
            long address = Long.parseUnsignedLong(m.group(1), 16);
            lo = Math.min(lo, address);
            hi = Math.max(hi, address);
            found++;
        }
        if (found < 2 || lo >= hi) {
            throw new IllegalArgumentException("no heap address range in GC.heap_info: " + heapInfo.strip());
        }
        return new long[] {lo, hi};
    }

    /** The summed Rss (kB) of the mappings of an smaps text that lie wholly within [lo, hi). */
    static long residentKbWithin(String smaps, long lo, long hi) {
        long total = 0;
        boolean inside = false;
        for (String line : smaps.split("\n")) {
            Matcher m = MAPPING.matcher(line);
            if (m.find()) {
                long start = Long.parseUnsignedLong(m.group(1), 16);
                long end = Long.parseUnsignedLong(m.group(2), 16);
                inside = start >= lo && end <= hi;
            } else if (inside && line.startsWith("Rss:")) {
                total += Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
            }
        }
        return total;
    }
}
