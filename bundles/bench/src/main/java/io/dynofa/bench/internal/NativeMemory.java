package io.dynofa.bench.internal;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The JVM's Native Memory Tracking summary ({@code jcmd <pid> VM.native_memory summary}): the committed total and
 * the committed kB of each category (Java Heap, Class, Thread, Code, GC, Compiler, Internal, Other, Symbol, ...).
 * Memory the JVM does not allocate itself (ONNX Runtime's mallocs and arenas, glibc's free lists) is not in it.
 */
record NativeMemory(long reservedKb, long committedKb, Map<String, Long> committedKbByCategory) {
    private static final Pattern TOTAL = Pattern.compile(
        "^Total: reserved=(\\d+)(B|KB|MB|GB), committed=(\\d+)(B|KB|MB|GB)");
    private static final Pattern CATEGORY = Pattern.compile(
        "^-\\s+(\\S.*?) \\(reserved=(\\d+)(B|KB|MB|GB), committed=(\\d+)(B|KB|MB|GB)\\)");

    /**
     * Parses the summary's text.
     *
     * @throws IllegalArgumentException when it has no {@code Total:} line (tracking off, or not a summary)
     */
    static NativeMemory parse(String summary) {
        Long reserved = null;
        long committed = 0;
        Map<String, Long> categories = new LinkedHashMap<>();
        for (String raw : summary.split("\\R")) {
            String line = raw.strip();
            Matcher total = TOTAL.matcher(line);
            if (total.find()) {
                reserved = kb(total.group(1), total.group(2));
                committed = kb(total.group(3), total.group(4));
                continue;
            }
            Matcher category = CATEGORY.matcher(line);
            if (category.find()) {
                categories.merge(category.group(1), kb(category.group(4), category.group(5)), Long::sum);
            }
        }
        if (reserved == null) {
            String head = summary.strip();
            throw new IllegalArgumentException("not a native memory summary (no 'Total:' line): "
                + (head.length() > 120 ? head.substring(0, 120) + "..." : head));
        }
        return new NativeMemory(reserved, committed, Map.copyOf(categories));
    }

    private static long kb(String value, String unit) {
        long v = Long.parseLong(value);
        return switch (unit) {
            case "B" -> v / 1024;
            case "KB" -> v;
            case "MB" -> v * 1024;
            default -> v * 1024 * 1024;
        };
    }

    /**
     * This JVM's summary through the DiagnosticCommand MBean (what jcmd calls), empty when the JVM runs without
     * {@code -XX:NativeMemoryTracking=summary} (or detail) or offers no such MBean.
     */
    static Optional<NativeMemory> ofThisJvm() {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                new Object[] {new String[] {"summary", "scale=KB"}}, new String[] {String[].class.getName()});
            return Optional.of(parse(String.valueOf(text)));
        } catch (JMException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** As the report writes it: the totals and the categories with at least 1 MiB committed, the rest summed. */
    Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("reservedKb", reservedKb);
        out.put("committedKb", committedKb);
        Map<String, Long> byCategory = new LinkedHashMap<>();
        long rest = 0;
        for (Map.Entry<String, Long> e : committedKbByCategory.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList()) {
            if (e.getValue() >= 1024) {
                byCategory.put(e.getKey(), e.getValue());
            } else {
                rest += e.getValue();
            }
        }
        byCategory.put("(categories under 1 MiB)", rest);
        out.put("committedKbByCategory", byCategory);
        return out;
    }
}
