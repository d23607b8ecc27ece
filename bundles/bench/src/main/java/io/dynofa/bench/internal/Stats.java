package io.dynofa.bench.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Order statistics over nanosecond samples. */
final class Stats {
    private Stats() {
    }

    /** Nearest-rank percentile ({@code fraction} in [0,1]) of the first {@code n} values. */
    static double percentile(long[] values, int n, double fraction) {
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(fraction * n);
        return sorted[Math.max(1, rank) - 1];
    }

    static double median(long[] values, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    static double median(double[] values, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    static double percentile(double[] values, int n, double fraction) {
        if (n == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(fraction * n);
        return sorted[Math.max(1, rank) - 1];
    }

    static double round(double value, int digits) {
        if (!Double.isFinite(value)) {
            return value;
        }
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    /** The median (3 decimals) of the first {@code n} {@code values} per key, keys in the order they first occur. */
    static Map<String, Double> mediansBy(String[] keys, double[] values, int n) {
        Map<String, List<Double>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byKey.computeIfAbsent(keys[i], k -> new ArrayList<>()).add(values[i]);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        byKey.forEach((key, list) -> out.put(key,
            round(median(list.stream().mapToDouble(Double::doubleValue).toArray(), list.size()), 3)));
        return out;
    }
}
