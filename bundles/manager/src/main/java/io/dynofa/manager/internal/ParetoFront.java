package io.dynofa.manager.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Keeps the points no other point beats on both latency (lower) and accuracy (higher). */
final class ParetoFront {

    private ParetoFront() {
    }

    /**
     * The front, fastest first: strictly increasing in both latency and accuracy. Of points with
     * equal latency the most accurate is kept; a point no more accurate than a faster one is dropped.
     */
    static <T> List<T> of(List<T> points, ToDoubleFunction<T> latency, ToDoubleFunction<T> accuracy) {
        List<T> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(latency).thenComparing(Comparator.comparingDouble(accuracy).reversed()));
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
