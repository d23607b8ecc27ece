package io.dynofa.bench.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * This process's memory at one moment: VmRSS and its anonymous and file-backed parts (/proc/self/status), and
 * the JVM's Native Memory Tracking summary when tracking is on. RSS minus NMT's committed total is, roughly,
 * what the JVM did not allocate itself: ONNX Runtime's memory (sessions, arenas), glibc's free lists and the
 * mapped files (libraries, jars) — less whatever the JVM has committed but never touched, which for the Java heap
 * is most of it ({@link #jvmKb} counts the heap's resident pages instead).
 */
record MemorySnapshot(long rssKb, long rssAnonKb, long rssFileKb, OptionalLong heapResidentKb, long heapUsedKb,
                      long heapCommittedKb, Optional<NativeMemory> nmt) {
    static MemorySnapshot take() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long[] rss = Probes.statusKb("VmRSS:", "RssAnon:", "RssFile:");
        return new MemorySnapshot(rss[0], rss[1], rss[2], JavaHeapResidency.ofThisJvm(), heap.getUsed() / 1024,
            heap.getCommitted() / 1024, NativeMemory.ofThisJvm());
    }

    /**
     * NMT's committed total with the Java heap counted as resident rather than committed: what the JVM itself
     * holds in RSS, roughly (its other committed memory is mostly touched); empty without NMT.
     */
    OptionalLong jvmKb() {
        if (nmt.isEmpty() || heapResidentKb.isEmpty()) {
            return OptionalLong.empty();
        }
        long heapCommitted = nmt.get().committedKbByCategory().getOrDefault("Java Heap", 0L);
        return OptionalLong.of(nmt.get().committedKb() - heapCommitted + heapResidentKb.getAsLong());
    }

    Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rssKb", rssKb);
        out.put("rssAnonKb", rssAnonKb);
        out.put("rssFileKb", rssFileKb);
        out.put("heapResidentKb", heapResidentKb.isPresent() ? heapResidentKb.getAsLong() : null);
        out.put("heapUsedKb", heapUsedKb);
        out.put("heapCommittedKb", heapCommittedKb);
        out.put("nmt", nmt.map(NativeMemory::toMap).orElse(null));
        out.put("rssMinusNmtCommittedKb", nmt.map(n -> rssKb - n.committedKb()).orElse(null));
        OptionalLong jvm = jvmKb();
        out.put("jvmResidentKb", jvm.isPresent() ? jvm.getAsLong() : null);
        out.put("notJvmKb", jvm.isPresent() ? rssKb - jvm.getAsLong() : null);
        return out;
    }
}
