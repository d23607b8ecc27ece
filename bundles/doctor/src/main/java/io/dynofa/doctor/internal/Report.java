package io.dynofa.doctor.internal;

/** The doctor's text: titled sections of indented lines. */
final class Report {
    private final StringBuilder text = new StringBuilder();

    Report section(String title) {
        text.append(text.length() == 0 ? "" : "\n").append(title).append('\n');
        return this;
    }

    Report line(String line) {
        text.append("  ").append(line).append('\n');
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
