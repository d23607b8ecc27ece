package io.dynofa.reporter.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/** Writes one flat JSON object; a null string or a non-finite number becomes {@code null}. */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder("{");
    private boolean first = true;

    JsonWriter string(String name, String value) {
        key(name);
        quotedOrNull(value);
        return this;
    }

    /** {@code value} rounded half-up to {@code decimals} places, written with at least one decimal. */
    JsonWriter number(String name, Double value, int decimals) {
        key(name);
        if (value == null || !Double.isFinite(value)) {
            out.append("null");
        } else {
            BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP)
                .stripTrailingZeros();
            out.append(rounded.scale() > 0 ? rounded.toPlainString() : rounded.setScale(1).toPlainString());
        }
        return this;
    }

    /** {@code value} as a whole number. */
    JsonWriter integer(String name, Long value) {
        key(name);
        out.append(value == null ? "null" : value.toString());
        return this;
    }

    /** {@code values} as an array of strings; null becomes {@code null}. */
    JsonWriter strings(String name, List<String> values) {
        key(name);
        if (values == null) {
            out.append("null");
            return this;
        }
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            quotedOrNull(values.get(i));
        }
        out.append(']');
        return this;
    }

    /** {@code counts} as an object of whole numbers, in the map's order; null becomes {@code null}. */
    JsonWriter counts(String name, Map<String, Long> counts) {
        key(name);
        if (counts == null) {
            out.append("null");
            return this;
        }
        out.append('{');
        boolean firstCount = true;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (!firstCount) {
                out.append(',');
            }
            firstCount = false;
            quoted(e.getKey());
            out.append(':').append(e.getValue() == null ? "null" : e.getValue().toString());
        }
        out.append('}');
        return this;
    }

    @Override
    public String toString() {
        return out + "}";
    }

    private void key(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        quoted(name);
        out.append(':');
    }

    /** Appends {@code text} as a quoted JSON string, or {@code null}. */
    static void appendString(StringBuilder target, String text) {
        if (text == null) {
            target.append("null");
            return;
        }
        JsonWriter writer = new JsonWriter();
        writer.quoted(text);
        target.append(writer.out, 1, writer.out.length());
    }

    private void quotedOrNull(String text) {
        if (text == null) {
            out.append("null");
        } else {
            quoted(text);
        }
    }

    private void quoted(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
