package io.dynofa.monitor.pressure.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code some} line of {@code /proc/pressure/cpu}: {@code some avg10=1.23 avg60=0.80 avg300=0.41 total=123456}.
 *
 * @param avg10 percent of the last 10 s with some task stalled
 * @param avg60 percent of the last 60 s
 * @param totalMicros stalled time since boot, microseconds
 */
record CpuPressure(double avg10, double avg60, long totalMicros) {
    private static final String SOME_LINE = "some ";

    /** @throws IllegalArgumentException when there is no well-formed {@code some} line */
    static CpuPressure parse(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith(SOME_LINE)) {
                Map<String, String> fields = fields(line.substring(SOME_LINE.length()));
                return new CpuPressure(percent(fields, "avg10"), percent(fields, "avg60"), total(fields));
            }
        }
        throw new IllegalArgumentException("no 'some' line");
    }

    private static Map<String, String> fields(String pairs) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : pairs.trim().split("\\s+")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return fields;
    }

    private static double percent(Map<String, String> fields, String name) {
        try {
            double value = Double.parseDouble(required(fields, name));
            if (!(value >= 0 && value <= 100)) {
                throw new IllegalArgumentException(name + " outside 0..100: " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: " + fields.get(name));
        }
    }

    private static long total(Map<String, String> fields) {
        try {
            long value = Long.parseLong(required(fields, "total"));
            if (value < 0) {
                throw new IllegalArgumentException("total is negative: " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("total is not a number: " + fields.get("total"));
        }
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("'some' line has no " + name);
        }
        return value;
    }
}
