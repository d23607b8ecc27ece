package io.dynofa.config.internal;

/** A configured value that cannot be used, with why (for the problem line). */
final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;

    Rejected(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}
