package io.dynofa.bench.internal;

import java.util.Arrays;

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
}
