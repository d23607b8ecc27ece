package io.dynofa.reporter.internal;

import io.dynofa.policy.api.Level;
import java.util.List;

/** The active levels as one JSON line, for tools that read a headless run (e.g. the experiment harness). */
final class LevelTable {

    private LevelTable() {
    }

    static String of(String familyId, String backendId, List<Level> levels) {
        StringBuilder json = new StringBuilder("{\"family\":");
        JsonWriter.appendString(json, familyId);
        json.append(",\"backend\":");
        JsonWriter.appendString(json, backendId);
        json.append(",\"levels\":[");
        for (int i = 0; i < levels.size(); i++) {
            Level l = levels.get(i);
            json.append(i == 0 ? "" : ",").append(new JsonWriter().string("id", l.id()).number("top1", l.top1(), 2)
                .number("latencyMs", l.latencyMs(), 4));
        }
        return json.append("]}").toString();
    }
}
