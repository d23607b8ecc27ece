package io.dynofa.profile.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * A device profile: every candidate of one family measured on one backend configuration of one
 * host, and the levels chosen from them.
 *
 * @param familyId the family's id
 * @param familyVersion the family's version when it was profiled
 * @param backendId the backend's id, e.g. {@code cpu}
 * @param backendDescription the backend's configuration, e.g. {@code ONNX Runtime 1.24.2 CPU, 1 intra-op thread, ...}
 * @param host the host name
 * @param cpuModel the CPU model (e.g. from {@code /proc/cpuinfo}), or the architecture when unknown
 * @param ortVersion the ONNX Runtime version, {@code unknown} when it cannot be told
 * @param date when the measurement finished
 * @param levels every candidate measured, in family order
 * @param paretoLevelIds the chosen levels, fastest first: {@link #paretoFront(List)} of {@code levels}
 */
public record LatencyProfile(String familyId, String familyVersion, String backendId, String backendDescription,
                             String host, String cpuModel, String ortVersion, Instant date, List<LevelLatency> levels,
                             List<String> paretoLevelIds) {

    public LatencyProfile {
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(backendId, "backendId");
        Objects.requireNonNull(date, "date");
        levels = List.copyOf(levels);
        paretoLevelIds = List.copyOf(paretoLevelIds);
    }

    /** The measured candidate with this id, or null. */
    public LevelLatency level(String levelId) {
        for (LevelLatency l : levels) {
            if (l.levelId().equals(levelId)) {
                return l;
            }
        }
        return null;
    }

    /** The chosen levels' figures, fastest first. */
    public List<LevelLatency> paretoLevels() {
        return paretoLevelIds.stream().map(this::level).filter(Objects::nonNull).toList();
    }

    /**
     * The accuracy/latency Pareto front of measured candidates by median latency and top-1.
     *
     * @return the front's ids, fastest first; see {@link #paretoFront(List, ToDoubleFunction, ToDoubleFunction)}
     */
    public static List<String> paretoFront(List<LevelLatency> levels) {
        return paretoFront(levels, LevelLatency::medianMs, LevelLatency::top1).stream()
            .map(LevelLatency::levelId).toList();
    }

    /**
     * Keeps the points no other point beats on both latency (lower) and accuracy (higher), fastest
     * first: the result is strictly increasing in both latency and accuracy. Of points with equal
     * latency the most accurate is kept (the first given of equals); a point no more accurate than a
     * faster one is dropped. The one implementation of the rule, used by the runtime manager and the
     * profiler alike.
     *
     * @param points any points, in any order (not modified)
     * @param latency a point's latency (lower is better)
     * @param accuracy a point's accuracy (higher is better)
     * @return a new list; empty when {@code points} is
     */
    public static <T> List<T> paretoFront(List<T> points, ToDoubleFunction<? super T> latency,
                                          ToDoubleFunction<? super T> accuracy) {
        List<T> sorted = new ArrayList<>(points);
        Comparator<T> byLatency = Comparator.comparingDouble(latency);
        Comparator<T> byAccuracyDescending = Comparator.<T>comparingDouble(accuracy).reversed();
        sorted.sort(byLatency.thenComparing(byAccuracyDescending));
        List<T> front = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        double lastLatency = Double.NaN;
        for (T p : sorted) {
            double acc = accuracy.applyAsDouble(p);
            double lat = latency.applyAsDouble(p);
            if (acc > best && lat != lastLatency) {
                front.add(p);
                best = acc;
                lastLatency = lat;
            }
        }
        return front;
    }
}
