package io.dynofa.reporter.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the reporter writes its lines with Gson: a value that is missing is written as {@code null} (never left
 * out, so every line has every field), text is not HTML-escaped, and numbers are rounded to a fixed number of
 * decimals.
 */
final class LineJson {
    static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private LineJson() {
    }

    /** {@code value} rounded half-up to {@code decimals} places, with at least one decimal; null when not finite. */
    static BigDecimal rounded(Double value, int decimals) {
        if (value == null || !Double.isFinite(value)) {
            return null;
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() > 0 ? rounded : rounded.setScale(1);
    }

    /** {@code line} as one line of compact JSON. */
    static String text(JsonObject line) {
        return GSON.toJson(line);
    }
}
