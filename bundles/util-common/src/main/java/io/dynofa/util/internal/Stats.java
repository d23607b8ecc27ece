package io.dynofa.util.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Order statistics over samples, with one definition each, used by every bundle:
 * <ul>
 * <li>the <b>median</b> of an odd count is the middle value, of an even count the mean of the two middle values;
 * <li>a <b>percentile</b> is the nearest rank: the value at 1-based rank {@code max(1, ceil(fraction * n))} of
 *     the sorted values (so p95 of 20 values is the 19th, p100 the largest, p0 the smallest);
 * <li>the <b>standard deviation</b> is the sample one (divided by {@code n - 1}), 0 for fewer than two values.
 * </ul>
 * Methods that take {@code n} use the first {@code n} values only; none changes its argument. No values give
 * {@code NaN}.
 */
public final class Stats {
    private Stats() {
    }

    /** The median of the first {@code n} values. */
    public static double median(long[] values, int n) {
        return median(values, 0, n);
    }

    /** The median of {@code values[from..to)}. */
    public static double median(long[] values, int from, int to) {
        if (to <= from) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOfRange(values, from, to);
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + (double) sorted[n / 2]) / 2.0;
    }

    /** The median of the first {@code n} values. */
    public static double median(double[] values, int n) {
        if (n <= 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /** The median of {@code values}. */
    public static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray(), values.size());
    }

    /** The nearest-rank percentile ({@code fraction} in [0, 1]) of the first {@code n} values. */
    public static double percentile(long[] values, int n, double fraction) {
        return percentile(Arrays.stream(values, 0, n).asDoubleStream().toArray(), n, fraction);
    }

    /** The nearest-rank percentile ({@code fraction} in [0, 1]) of the first {@code n} values. */
    public static double percentile(double[] values, int n, double fraction) {
        if (n <= 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return sorted[rank(fraction, n) - 1];
    }

    /**
     * The 1-based nearest rank of {@code fraction} (in [0, 1]) among {@code n > 0} sorted values, for callers
     * that hold counts rather than values (a histogram): {@code max(1, ceil(fraction * n))}, at most {@code n}.
     */
    public static long rank(double fraction, long n) {
        return Math.min(n, Math.max(1, (long) Math.ceil(fraction * n)));
    }

    private static int rank(double fraction, int n) {
        return (int) rank(fraction, (long) n);
    }

    /** The mean of the first {@code n} values. */
    public static double mean(long[] values, int n) {
        if (n <= 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += values[i];
        }
        return sum / n;
    }

    /** The sample standard deviation of the first {@code n} values (0 for one value). */
    public static double standardDeviation(long[] values, int n) {
        if (n <= 0) {
            return Double.NaN;
        }
        double mean = mean(values, n);
        double squares = 0;
        for (int i = 0; i < n; i++) {
            squares += (values[i] - mean) * (values[i] - mean);
        }
        return n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
    }

    /** {@code value} rounded half up to {@code digits} decimals; NaN and infinities unchanged. */
    public static double round(double value, int digits) {
        if (!Double.isFinite(value)) {
            return value;
        }
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    /** The median (3 decimals) of the first {@code n} {@code values} per key, keys in the order they first occur. */
    public static Map<String, Double> mediansBy(String[] keys, double[] values, int n) {
        Map<String, List<Double>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byKey.computeIfAbsent(keys[i], k -> new ArrayList<>()).add(values[i]);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        byKey.forEach((key, list) -> out.put(key, round(median(list), 3)));
        return out;
    }
}
