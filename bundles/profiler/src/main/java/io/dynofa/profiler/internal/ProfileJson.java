package io.dynofa.profiler.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.dynofa.profile.api.LatencyProfile;
import io.dynofa.profile.api.LevelLatency;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The profile file format (schemaVersion 1): the record's fields by name, the date as ISO-8601. */
final class ProfileJson {
    static final int SCHEMA_VERSION = 1;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ProfileJson() {
    }

    static String write(LatencyProfile p) {
        JsonObject root = new JsonObject();
        root.addProperty("schemaVersion", SCHEMA_VERSION);
        root.addProperty("familyId", p.familyId());
        root.addProperty("familyVersion", p.familyVersion());
        root.addProperty("backendId", p.backendId());
        root.addProperty("backendDescription", p.backendDescription());
        root.addProperty("host", p.host());
        root.addProperty("cpuModel", p.cpuModel());
        root.addProperty("ortVersion", p.ortVersion());
        root.addProperty("date", p.date().toString());
        JsonArray levels = new JsonArray();
        for (LevelLatency l : p.levels()) {
            JsonObject o = new JsonObject();
            o.addProperty("levelId", l.levelId());
            o.addProperty("series", l.series());
            o.addProperty("top1", l.top1());
            o.addProperty("macs", l.macs());
            o.addProperty("medianMs", l.medianMs());
            o.addProperty("p95Ms", l.p95Ms());
            o.addProperty("stdMs", l.stdMs());
            o.addProperty("count", l.count());
            if (l.sha256() != null) {
                o.addProperty("sha256", l.sha256());
            }
            levels.add(o);
        }
        root.add("levels", levels);
        JsonArray pareto = new JsonArray();
        p.paretoLevelIds().forEach(pareto::add);
        root.add("paretoLevelIds", pareto);
        return GSON.toJson(root) + "\n";
    }

    /** @throws IllegalArgumentException when the text is not a profile of a known schema */
    static LatencyProfile read(String text) {
        try {
            JsonObject root = JsonParser.parseString(text).getAsJsonObject();
            int schema = root.get("schemaVersion").getAsInt();
            if (schema > SCHEMA_VERSION) {
                throw new IllegalArgumentException("profile schemaVersion " + schema + " is newer than "
                    + SCHEMA_VERSION);
            }
            List<LevelLatency> levels = new ArrayList<>();
            for (JsonElement e : root.getAsJsonArray("levels")) {
                JsonObject o = e.getAsJsonObject();
                levels.add(new LevelLatency(string(o, "levelId"), string(o, "series"), o.get("top1").getAsDouble(),
                    o.get("macs").getAsLong(), o.get("medianMs").getAsDouble(), o.get("p95Ms").getAsDouble(),
                    o.get("stdMs").getAsDouble(), o.get("count").getAsInt(),
                    o.has("sha256") && !o.get("sha256").isJsonNull() ? o.get("sha256").getAsString() : null));
            }
            List<String> pareto = new ArrayList<>();
            root.getAsJsonArray("paretoLevelIds").forEach(e -> pareto.add(e.getAsString()));
            return new LatencyProfile(string(root, "familyId"), string(root, "familyVersion"),
                string(root, "backendId"), string(root, "backendDescription"), string(root, "host"),
                string(root, "cpuModel"), string(root, "ortVersion"), Instant.parse(string(root, "date")), levels,
                pareto);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a latency profile: " + e.getMessage(), e);
        }
    }

    private static String string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("missing \"" + name + "\"");
        }
        return e.getAsString();
    }
}
