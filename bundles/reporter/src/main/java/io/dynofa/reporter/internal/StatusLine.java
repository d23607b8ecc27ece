package io.dynofa.reporter.internal;

import static io.dynofa.reporter.internal.LineJson.GSON;
import static io.dynofa.reporter.internal.LineJson.rounded;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.dynofa.monitor.api.Metrics;
import io.dynofa.monitor.api.Signals;
import io.dynofa.runtime.api.RuntimeStatus;
import io.dynofa.runtime.api.RuntimeStatus.State;
import java.util.function.Function;

/**
 * One headless report line: the runtime's status and signals as a JSON object, every field present (null when
 * unknown), in a fixed order. Since runtime API 1.3 the typed {@code keepWarmState} ({@code mode}, {@code pause},
 * {@code levels}, {@code intervalMs}) and {@code problemDetails} ({@code source}, {@code code}, {@code subject},
 * {@code text}) follow the fields before them; tools read those rather than the texts.
 */
final class StatusLine {
    /** Published by the demo bundle's "demo" monitor: frames classified so far. */
    static final String DEMO_FRAMES = "demo.frames";
    /** Published by the demo bundle's "demo" monitor: running top-1 accuracy, percent. */
    static final String DEMO_ACCURACY = "demo.accuracy";
    /** Published by the demo bundle's "demo" monitor: p95 of every frame's end-to-end latency so far, ms. */
    static final String DEMO_LATENCY_P95 = "demo.latency.p95.ms";

    private StatusLine() {
    }

    /**
     * @param seconds time since the reporter started
     * @param status the runtime's status, or null when no runtime is bound (written as NOT_READY)
     */
    static String of(double seconds, RuntimeStatus status) {
        Signals signals = status == null ? Signals.empty() : status.signals();
        JsonObject line = new JsonObject();
        line.addProperty("t", rounded(seconds, 1));
        line.addProperty("deployment", field(status, RuntimeStatus::deployment));
        line.addProperty("family", field(status, RuntimeStatus::familyId));
        line.addProperty("policy", field(status, RuntimeStatus::policy));
        line.addProperty("backend", field(status, RuntimeStatus::backendId));
        line.addProperty("level", field(status, RuntimeStatus::levelId));
        line.addProperty("levelIndex", status == null || status.levelIndex() < 0 ? null : status.levelIndex());
        line.addProperty("latencyMeanMs", rounded(signal(signals, Metrics.LATENCY_MEAN_MS), 3));
        line.addProperty("latencyP95Ms", rounded(signal(signals, Metrics.LATENCY_P95_MS), 3));
        line.addProperty("targetMs", rounded(field(status, RuntimeStatus::targetMs), 3));
        Double frames = signal(signals, DEMO_FRAMES);
        line.addProperty("frames", frames == null || !Double.isFinite(frames) ? null : Math.round(frames));
        line.addProperty("accuracy", rounded(signal(signals, DEMO_ACCURACY), 2));
        line.addProperty("cpuLoad", rounded(signal(signals, Metrics.CPU_LOAD), 3));
        line.addProperty("slowdown", rounded(signal(signals, Metrics.SLOWDOWN), 3));
        line.addProperty("frameP95Ms", rounded(signal(signals, DEMO_LATENCY_P95), 3));
        line.addProperty("frameWindowP95Ms", rounded(signal(signals, Metrics.FRAME_LATENCY_P95_MS), 3));
        line.addProperty("frameMissRate", rounded(signal(signals, Metrics.FRAME_MISS_RATE), 4));
        line.addProperty("deadlineMs", rounded(signal(signals, Metrics.FRAME_DEADLINE_MS), 3));
        line.addProperty("state", (status == null ? State.NOT_READY : status.state()).name());
        line.addProperty("switches", field(status, RuntimeStatus::switches));
        line.addProperty("failed", field(status, RuntimeStatus::failed));
        line.addProperty("keepWarm", field(status, RuntimeStatus::keepWarm));
        line.add("rejected", tree(field(status, RuntimeStatus::rejected)));
        line.add("problems", tree(field(status, RuntimeStatus::problems)));
        line.addProperty("lastDecision", field(status, RuntimeStatus::lastDecision));
        line.add("keepWarmState", tree(field(status, RuntimeStatus::keepWarmState)));
        line.add("problemDetails", tree(field(status, RuntimeStatus::problemDetails)));
        line.addProperty("priority", field(status, RuntimeStatus::priority));
        line.addProperty("sharedSessions", field(status, RuntimeStatus::sharedSessions));
        line.addProperty("arbitration", field(status, RuntimeStatus::arbitration));
        return LineJson.text(line);
    }

    private static <T> T field(RuntimeStatus status, Function<RuntimeStatus, T> field) {
        return status == null ? null : field.apply(status);
    }

    private static JsonElement tree(Object value) {
        return value == null ? JsonNull.INSTANCE : GSON.toJsonTree(value);
    }

    private static Double signal(Signals signals, String metric) {
        return signals.values().get(metric);
    }
}
