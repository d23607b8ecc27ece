package io.dynofa.config.internal;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Raw configuration values (the strings FileInstall reads from {@code .cfg} files, or the typed values
 * ConfigAdmin was given) converted to the type an attribute declares. Stricter than Declarative Services:
 * a value that does not say what it means (a non-numeric number, {@code yes} for a boolean, an enum
 * constant that does not exist) is {@link Rejected} instead of becoming 0, false or null.
 */
final class Conversion {
    private static final Pattern DIGITS = Pattern.compile("[+-]?\\d+");

    private Conversion() {
    }

    static String text(Object raw) throws Rejected {
        if (raw instanceof String || raw instanceof Number || raw instanceof Boolean || raw instanceof Character) {
            return raw.toString();
        }
        throw new Rejected("not a text");
    }

    static boolean bool(Object raw) throws Rejected {
        if (raw instanceof Boolean b) {
            return b;
        }
        String text = strippedText(raw, "true or false");
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new Rejected("not true or false");
    }

    /** A whole number; narrowing to the attribute's type is the caller's (after its range is checked). */
    static long whole(Object raw) throws Rejected {
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof BigInteger big) {
            if (big.bitLength() > 63) {
                throw new Rejected("too large");
            }
            return big.longValue();
        }
        if (raw instanceof Number number) {
            double value = number.doubleValue();
            if (!Double.isFinite(value) || value != Math.rint(value)) {
                throw new Rejected("not a whole number");
            }
            if (Math.abs(value) >= 0x1p63) {
                throw new Rejected("too large");
            }
            return (long) value;
        }
        String text = strippedText(raw, "a whole number");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new Rejected(DIGITS.matcher(text).matches() ? "too large" : "not a whole number");
        }
    }

    /** A finite number: NaN and the infinities are never a useful setting. */
    static double real(Object raw) throws Rejected {
        double value;
        if (raw instanceof Number number) {
            value = number.doubleValue();
        } else {
            String text = strippedText(raw, "a number");
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new Rejected("not a number");
            }
        }
        if (!Double.isFinite(value)) {
            throw new Rejected("not a finite number");
        }
        return value;
    }

    static <E extends Enum<E>> E constant(Class<E> type, Object raw) throws Rejected {
        if (type.isInstance(raw)) {
            return type.cast(raw);
        }
        String names = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        String text = strippedText(raw, "one of " + names);
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new Rejected("not one of " + names);
        }
    }

    private static String strippedText(Object raw, String wanted) throws Rejected {
        if (!(raw instanceof String || raw instanceof Character)) {
            throw new Rejected("not " + wanted);
        }
        String text = raw.toString().strip();
        if (text.isEmpty()) {
            throw new Rejected("empty; " + wanted + " is needed");
        }
        return text;
    }
}
