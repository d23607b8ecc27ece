package io.dynofa.reporter.internal;

/** Reads the framework property that turns headless reporting on. */
final class HeadlessSeconds {
    /** Framework property: run headless for this many seconds, then stop the framework. */
    static final String PROPERTY = "dynofa.headless.seconds";

    private HeadlessSeconds() {
    }

    /** The duration in seconds, or 0 when {@code value} is absent, not a number or not positive. */
    static double parse(String value) {
        if (value == null) {
            return 0;
        }
        try {
            double seconds = Double.parseDouble(value.trim());
            return seconds > 0 && Double.isFinite(seconds) ? seconds : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
