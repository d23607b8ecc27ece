package io.dynofa.arbiter.priority.internal;

import java.util.Locale;

/** How numbers and names appear in a reason: short, one line. */
final class Texts {
    private static final int LONGEST_NAME = 64;

    private Texts() {
    }

    /** Two decimals; a huge number in scientific notation; NaN and Infinity as Java spells them. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return String.format(Locale.ROOT, Math.abs(value) < 1e6 ? "%.2f" : "%.3e", value);
    }

    /** A deployment's name on one line: control characters replaced, a long name cut. */
    static String name(String name) {
        String line = name.replaceAll("\\p{Cntrl}", "?");
        return line.length() <= LONGEST_NAME ? line : line.substring(0, LONGEST_NAME) + "...";
    }
}
