package io.dynofa.config.internal;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Values as problem lines show them: short, printable, texts quoted. */
final class Texts {
    /** Longest raw value shown; the rest is cut (a damaged file can hold anything). */
    static final int SHOWN = 60;
    /** Longest value in force shown (it passed its rules, so it is a text of at most 4096 characters). */
    static final int SHOWN_IN_FORCE = 200;

    private Texts() {
    }

    /** A raw value in quotes, e.g. {@code 'abc'}; control characters as {@code ?}, long ones cut. */
    static String quoted(Object raw) {
        return "'" + printable(plain(raw), SHOWN) + "'";
    }

    /** A value in force: texts quoted, numbers, booleans and enum constants as they are. */
    static String inForce(Object value) {
        String shown = printable(plain(value), SHOWN_IN_FORCE);
        return value instanceof String ? "'" + shown + "'" : shown;
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String plain(Object value) {
        if (value == null) {
            return "";
        }
        if (value.getClass().isArray()) {
            List<String> elements = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value) && i <= SHOWN; i++) {
                elements.add(plain(Array.get(value, i)));
            }
            return elements.toString();
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().limit(SHOWN + 1L).map(Texts::plain).toList().toString();
        }
        return value.toString();
    }

    private static String printable(String text, int limit) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(limit).forEach(c -> {
            boolean readable = !Character.isISOControl(c) && c != 0xFFFD && Character.isDefined(c)
                && Character.getType(c) != Character.SURROGATE && Character.getType(c) != Character.PRIVATE_USE;
            shown.appendCodePoint(readable ? c : '?');
        });
        if (text.codePointCount(0, text.length()) > limit) {
            shown.append("...");
        }
        return shown.toString();
    }
}
