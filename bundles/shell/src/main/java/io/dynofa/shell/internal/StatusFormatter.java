package io.dynofa.shell.internal;

import io.dynofa.runtime.api.Problem;
import io.dynofa.runtime.api.RuntimeStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Renders a {@link RuntimeStatus} as aligned {@code key: value} lines; lists continue under the value. */
final class StatusFormatter {
    private static final int KEY_WIDTH = 16;

    private final StringBuilder out = new StringBuilder();

    private StatusFormatter() {
    }

    static String format(RuntimeStatus s) {
        StatusFormatter f = new StatusFormatter();
        f.line("deployment", s.deployment() + " (priority " + s.priority() + ")");
        f.line("state", s.state());
        f.line("family", s.familyId());
        f.line("backend", s.backendId());
        f.line("policy", s.policy());
        f.line("level", level(s));
        f.line("target", String.format(Locale.ROOT, "%.3f ms", s.targetMs()));
        f.line("accuracy floor", String.format(Locale.ROOT, "%.1f %%", s.accuracyFloor()));
        f.line("switches", s.switches());
        f.line("served", s.served());
        f.line("failed", s.failed());
        f.line("rejected", rejected(s.rejected()));
        f.line("last decision", s.lastDecision());
        f.line("keep warm", s.keepWarm());
        f.line("shared", s.sharedSessions() + " sessions with other deployments");
        f.line("arbitration", s.arbitration());
        f.list("problems", s.problemDetails().stream().map(StatusFormatter::problem).toList());
        f.list("signals", signals(s.signals().values()));
        return f.out.toString();
    }

    /** The text, then the code tools match on (when there is one). */
    private static String problem(Problem p) {
        return Problem.UNSPECIFIED.equals(p.code()) ? p.text() : p.text() + " [" + p.code() + "]";
    }

    private static String level(RuntimeStatus s) {
        if (s.levelId() == null) {
            return null;
        }
        return s.levelId() + " (index " + s.levelIndex() + (s.pinned() ? ", pinned)" : ")");
    }

    /** {@code NOT_READY 3, OVERLOADED 2}, in the status's order; {@code none} when nothing was refused. */
    private static String rejected(Map<String, Long> byReason) {
        if (byReason.isEmpty()) {
            return "none";
        }
        return byReason.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
    }

    private static List<String> signals(Map<String, Double> values) {
        return new TreeMap<>(values).entrySet().stream()
            .map(e -> e.getKey() + " = " + String.format(Locale.ROOT, "%.3f", e.getValue()))
            .toList();
    }

    private void line(String key, Object value) {
        indented(key + ":", value);
    }

    private void indented(String label, Object value) {
        out.append(label).append(" ".repeat(Math.max(1, KEY_WIDTH - label.length())))
            .append(value == null ? "-" : value).append('\n');
    }

    private void list(String key, List<String> values) {
        if (values.isEmpty()) {
            line(key, "none");
            return;
        }
        line(key, values.get(0));
        for (String value : values.subList(1, values.size())) {
            indented("", value);
        }
    }
}
