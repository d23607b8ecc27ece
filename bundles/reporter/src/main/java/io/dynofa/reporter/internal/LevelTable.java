package io.dynofa.reporter.internal;

import static io.dynofa.reporter.internal.LineJson.rounded;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.dynofa.policy.api.Level;
import java.util.List;

/** The active levels as one JSON line, for tools that read a headless run (e.g. the experiment harness). */
final class LevelTable {

    private LevelTable() {
    }

    static String of(String familyId, String backendId, List<Level> levels) {
        return of(null, familyId, backendId, levels);
    }

    /** With the deployment the levels serve, first (omitted when null). */
    static String of(String deployment, String familyId, String backendId, List<Level> levels) {
        JsonObject table = new JsonObject();
        if (deployment != null) {
            table.addProperty("deployment", deployment);
        }
        table.addProperty("family", familyId);
        table.addProperty("backend", backendId);
        JsonArray rows = new JsonArray();
        for (Level level : levels) {
            JsonObject row = new JsonObject();
            row.addProperty("id", level.id());
            row.addProperty("top1", rounded(level.top1(), 2));
            row.addProperty("latencyMs", rounded(level.latencyMs(), 4));
            rows.add(row);
        }
        table.add("levels", rows);
        return LineJson.text(table);
    }
}
