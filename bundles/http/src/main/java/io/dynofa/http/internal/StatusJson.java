package io.dynofa.http.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.dynofa.monitor.api.Metrics;
import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.util.List;
import java.util.Map;

/**
 * A deployment's status as JSON: the fields of the headless report line under the same names ({@code deployment,
 * family, policy, backend, level, levelIndex, latencyMeanMs, latencyP95Ms, targetMs, cpuLoad, slowdown,
 * frameWindowP95Ms, frameMissRate, deadlineMs, state, switches, failed, keepWarm, rejected, problems, lastDecision,
 * keepWarmState, problemDetails, priority, sharedSessions, arbitration}), then {@code pinned, accuracyFloor, served}
 * and every monitor signal under {@code signals} (NaN and infinities as null); the detail adds the deployment's
 * {@code levels}, {@code policies}, {@code families} and {@code backends}.
 */
final class StatusJson {

    private StatusJson() {
    }

    static JsonObject of(RuntimeStatus s) {
        Map<String, Double> signals = s.signals() == null ? Map.of() : s.signals().values();
        JsonObject o = new JsonObject();
        o.addProperty("deployment", s.deployment());
        o.addProperty("family", s.familyId());
        o.addProperty("policy", s.policy());
        o.addProperty("backend", s.backendId());
        o.addProperty("level", s.levelId());
        o.addProperty("levelIndex", s.levelIndex() < 0 ? null : s.levelIndex());
        o.add("latencyMeanMs", signal(signals, Metrics.LATENCY_MEAN_MS));
        o.add("latencyP95Ms", signal(signals, Metrics.LATENCY_P95_MS));
        o.add("targetMs", Json.number(s.targetMs()));
        o.add("cpuLoad", signal(signals, Metrics.CPU_LOAD));
        o.add("slowdown", signal(signals, Metrics.SLOWDOWN));
        o.add("frameWindowP95Ms", signal(signals, Metrics.FRAME_LATENCY_P95_MS));
        o.add("frameMissRate", signal(signals, Metrics.FRAME_MISS_RATE));
        o.add("deadlineMs", signal(signals, Metrics.FRAME_DEADLINE_MS));
        o.addProperty("state", s.state().name());
        o.addProperty("switches", s.switches());
        o.addProperty("failed", s.failed());
        o.addProperty("keepWarm", s.keepWarm());
        o.add("rejected", Json.GSON.toJsonTree(s.rejected()));
        o.add("problems", Json.GSON.toJsonTree(s.problems()));
        o.addProperty("lastDecision", s.lastDecision());
        o.add("keepWarmState", s.keepWarmState() == null ? JsonNull.INSTANCE : Json.GSON.toJsonTree(s.keepWarmState()));
        o.add("problemDetails", Json.GSON.toJsonTree(s.problemDetails()));
        o.addProperty("priority", s.priority());
        o.addProperty("sharedSessions", s.sharedSessions());
        o.addProperty("arbitration", s.arbitration());
        o.addProperty("pinned", s.pinned());
        o.add("accuracyFloor", Json.number(s.accuracyFloor()));
        o.addProperty("served", s.served());
        JsonObject all = new JsonObject();
        signals.forEach((name, value) -> all.add(name, value == null ? JsonNull.INSTANCE : Json.number(value)));
        o.add("signals", all);
        return o;
    }

    /**
     * The status with the deployment's {@code levels} ({@code [{"id","index","top1","latencyMs"}]}), {@code policies},
     * {@code families} and {@code backends}.
     */
    static JsonObject detail(RuntimeControl control) {
        JsonObject o = of(control.status());
        JsonArray levels = new JsonArray();
        for (Level level : control.levels()) {
            JsonObject l = new JsonObject();
            l.addProperty("id", level.id());
            l.addProperty("index", level.index());
            l.add("top1", Json.number(level.top1()));
            l.add("latencyMs", Json.number(level.latencyMs()));
            levels.add(l);
        }
        o.add("levels", levels);
        o.add("policies", strings(control.policies()));
        o.add("families", strings(control.families()));
        o.add("backends", Json.GSON.toJsonTree(control.backends()));
        return o;
    }

    private static JsonElement strings(List<String> values) {
        return Json.GSON.toJsonTree(values);
    }

    private static JsonElement signal(Map<String, Double> signals, String metric) {
        Double value = signals.get(metric);
        return value == null ? JsonNull.INSTANCE : Json.number(value);
    }
}
