package io.dynofa.http.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.dynofa.policy.api.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys a control PATCH may change in a deployment's configuration, checked as the runtime would before anything
 * is written: {@code targetLatencyMs} (above 0, at most 60000), {@code accuracyFloor} (0 to 100), {@code policy} (an
 * installed policy), {@code pinnedLevel} (an active level, or "" to unpin). The ranges are those of the runtime's
 * configuration ({@code io.dynofa.runtime}), so a value accepted here is one the runtime takes.
 */
final class ConfigPatch {
    static final String TARGET = "targetLatencyMs";
    static final String FLOOR = "accuracyFloor";
    static final String POLICY = "policy";
    static final String PINNED = "pinnedLevel";
    private static final double MAX_TARGET_MS = 60_000;

    private ConfigPatch() {
    }

    /**
     * The configuration properties {@code body} asks for, in its order.
     *
     * @param policies the policies installed
     * @param levels the deployment's active levels
     * @throws HttpError 400 naming the first bad key and why
     */
    static Map<String, Object> of(JsonObject body, List<String> policies, List<Level> levels) throws HttpError {
        if (body.size() == 0) {
            throw HttpError.badRequest("nothing to change: give any of " + TARGET + ", " + FLOOR + ", " + POLICY + ", "
                + PINNED);
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : body.entrySet()) {
            String key = entry.getKey();
            JsonElement value = entry.getValue();
            switch (key) {
                case TARGET -> changes.put(key, number(key, value, 0, true, MAX_TARGET_MS));
                case FLOOR -> changes.put(key, number(key, value, 0, false, 100));
                case POLICY -> {
                    String name = string(key, value);
                    if (!policies.contains(name)) {
                        throw HttpError.badRequest(key + ": policy '" + name + "' is not installed (installed: "
                            + String.join(", ", policies) + ")");
                    }
                    changes.put(key, name);
                }
                case PINNED -> {
                    String id = string(key, value);
                    if (!id.isEmpty() && levels.stream().noneMatch(l -> l.id().equals(id))) {
                        throw HttpError.badRequest(key + ": level '" + id + "' is not an active level (active: "
                            + String.join(", ", levels.stream().map(Level::id).toList()) + "; \"\" unpins)");
                    }
                    changes.put(key, id);
                }
                default -> throw HttpError.badRequest("unknown key '" + key + "' (accepted: " + TARGET + ", " + FLOOR
                    + ", " + POLICY + ", " + PINNED + ")");
            }
        }
        return changes;
    }

    private static double number(String key, JsonElement value, double min, boolean aboveMin, double max)
        throws HttpError {
        String range = (aboveMin ? "above " : "at least ") + fmt(min) + " and at most " + fmt(max);
        if (!(value instanceof JsonPrimitive p) || !p.isNumber()) {
            throw HttpError.badRequest(key + ": must be a number " + range + ", got " + Json.shortened(value));
        }
        double v = p.getAsDouble();
        if (!Double.isFinite(v) || v < min || (aboveMin && v == min) || v > max) {
            throw HttpError.badRequest(key + ": must be a number " + range + ", got " + p.getAsString());
        }
        return v;
    }

    private static String string(String key, JsonElement value) throws HttpError {
        if (!(value instanceof JsonPrimitive p) || !p.isString()) {
            throw HttpError.badRequest(key + ": must be a string, got " + value);
        }
        return p.getAsString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
