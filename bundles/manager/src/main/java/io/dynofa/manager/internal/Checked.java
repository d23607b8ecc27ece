package io.dynofa.manager.internal;

import java.util.List;

/** One configured value, validated: kept when valid, else the value in force with a line saying why. */
final class Checked {

    private Checked() {
    }

    /**
     * {@code value} when {@code valid}; otherwise {@code previous}, after adding
     * "{@code name value} rejected ({@code rule}); keeping {@code previous}" to {@code problems}.
     */
    static <T> T orPrevious(String name, T value, boolean valid, String rule, T previous, List<String> problems) {
        if (valid) {
            return value;
        }
        problems.add(name + " " + value + " rejected (" + rule + "); keeping " + previous);
        return previous;
    }
}
