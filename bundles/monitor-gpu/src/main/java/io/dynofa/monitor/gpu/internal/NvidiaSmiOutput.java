package io.dynofa.monitor.gpu.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the output of {@code nvidia-smi --query-gpu=utilization.gpu,memory.used,memory.total,temperature.gpu
 * --format=csv,noheader,nounits}: one line per GPU, e.g. {@code 37, 1024, 8192, 54}.
 */
final class NvidiaSmiOutput {
    /** The query fields, in the order of the output's columns. */
    static final String QUERY = "utilization.gpu,memory.used,memory.total,temperature.gpu";
    static final String UTILIZATION = "gpu.utilization";
    static final String MEMORY_USED_MIB = "gpu.memory.used.mib";
    static final String MEMORY_TOTAL_MIB = "gpu.memory.total.mib";
    static final String TEMPERATURE_C = "gpu.temperature.c";
    static final String COUNT = "gpu.count";

    private NvidiaSmiOutput() {
    }

    /**
     * GPU 0 as {@code gpu.utilization} (0..1), {@code gpu.memory.used.mib}, {@code gpu.memory.total.mib},
     * {@code gpu.temperature.c}; every GPU i also as {@code gpu.<i>.<same suffix>}; and {@code gpu.count}.
     * A field nvidia-smi reports as not supported ({@code [N/A]}) is left out.
     *
     * @throws IllegalArgumentException naming the line when a line does not have the four columns
     */
    static Map<String, Double> parse(List<String> lines) {
        Map<String, Double> metrics = new HashMap<>();
        int gpu = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",");
            if (fields.length != 4) {
                throw new IllegalArgumentException("unexpected nvidia-smi line '" + line + "' (want " + QUERY + ")");
            }
            put(metrics, gpu, UTILIZATION, fields[0], 0.01);
            put(metrics, gpu, MEMORY_USED_MIB, fields[1], 1);
            put(metrics, gpu, MEMORY_TOTAL_MIB, fields[2], 1);
            put(metrics, gpu, TEMPERATURE_C, fields[3], 1);
            gpu++;
        }
        if (gpu == 0) {
            throw new IllegalArgumentException("nvidia-smi listed no GPU");
        }
        metrics.put(COUNT, (double) gpu);
        return metrics;
    }

    private static void put(Map<String, Double> metrics, int gpu, String name, String field, double scale) {
        String text = field.strip().toLowerCase(Locale.ROOT);
        if (text.startsWith("[") || text.equals("n/a")) {
            return;
        }
        double value;
        try {
            value = Double.parseDouble(text) * scale;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unexpected nvidia-smi value '" + field.strip() + "' for " + name, e);
        }
        metrics.put("gpu." + gpu + name.substring("gpu".length()), value);
        if (gpu == 0) {
            metrics.put(name, value);
        }
    }
}
