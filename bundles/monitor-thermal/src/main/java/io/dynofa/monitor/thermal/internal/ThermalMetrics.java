package io.dynofa.monitor.thermal.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Names the zones' temperatures {@code thermal.<type>.celsius} and adds {@code thermal.max.celsius}.
 * The type is lower-cased, with every run of characters other than {@code a-z 0-9 _ -} replaced by
 * {@code _}. When several zones share a type, each is named {@code thermal.<type>-<zone number>.celsius}.
 */
final class ThermalMetrics {
    static final String MAX_CELSIUS = "thermal.max.celsius";
    private static final String PREFIX = "thermal.";
    private static final String SUFFIX = ".celsius";

    private ThermalMetrics() {
    }

    /** Empty when there is no zone. */
    static Map<String, Double> of(List<ZoneReading> zones) {
        if (zones.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> zonesPerType = zones.stream()
            .collect(Collectors.groupingBy(z -> metricType(z.type()), Collectors.counting()));
        Map<String, Double> metrics = new HashMap<>();
        double max = Double.NEGATIVE_INFINITY;
        for (ZoneReading zone : zones) {
            String type = metricType(zone.type());
            String name = zonesPerType.get(type) > 1 ? type + "-" + zone.zone() : type;
            metrics.put(PREFIX + name + SUFFIX, zone.celsius());
            max = Math.max(max, zone.celsius());
        }
        metrics.put(MAX_CELSIUS, max);
        return Map.copyOf(metrics);
    }

    private static String metricType(String type) {
        return type.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "_");
    }
}
