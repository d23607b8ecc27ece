package io.dynofa.shell.internal;

import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.BackendInfo;
import io.dynofa.runtime.api.RuntimeStatus;
import java.util.List;
import java.util.Locale;

/** The tables of the listing commands; {@code *} (or {@code <- current}) marks what the runtime uses now. */
final class Listings {
    static final String CURRENT = "*";
    static final String CURRENT_LEVEL = "<- current";
    static final String PINNED = "<- current (pinned)";

    private Listings() {
    }

    static String levels(List<Level> levels, String currentLevelId, boolean pinned) {
        if (levels.isEmpty()) {
            return "no active levels (no family is being served)\n";
        }
        TextTable table = new TextTable("#", "id", "top1 %", "latency ms", "");
        for (Level level : levels) {
            boolean current = level.id().equals(currentLevelId);
            table.row(level.index(), level.id(), String.format(Locale.ROOT, "%.2f", level.top1()),
                String.format(Locale.ROOT, "%.3f", level.latencyMs()), !current ? "" : pinned ? PINNED : CURRENT_LEVEL);
        }
        return table.toString();
    }

    static String deployments(List<RuntimeStatus> deployments) {
        if (deployments.isEmpty()) {
            return "no deployment is running\n";
        }
        TextTable table = new TextTable("deployment", "state", "family", "level", "target ms", "priority",
            "shared", "arbitration");
        for (RuntimeStatus s : deployments) {
            table.row(s.deployment(), s.state(), s.familyId(), s.levelId(),
                String.format(Locale.ROOT, "%.3f", s.targetMs()), s.priority(), s.sharedSessions(),
                s.arbitration() == null ? "" : s.arbitration());
        }
        return table.toString();
    }

    static String backends(List<BackendInfo> backends) {
        if (backends.isEmpty()) {
            return "no device backend is bound\n";
        }
        TextTable table = new TextTable("", "id", "description", "unavailable because");
        for (BackendInfo b : backends) {
            table.row(marker(b.active()), b.id(), b.description(), b.unavailableReason());
        }
        return table.toString();
    }

    /** One name a line; {@code what} names the kind in the message for an empty list. */
    static String names(List<String> names, String inUse, String what) {
        if (names.isEmpty()) {
            return "no " + what + " registered\n";
        }
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            out.append(marker(name.equals(inUse))).append(' ').append(name).append('\n');
        }
        return out.toString();
    }

    private static String marker(boolean current) {
        return current ? CURRENT : " ";
    }
}
