package io.dynofa.reporter.internal;

import io.dynofa.monitor.api.Metrics;
import io.dynofa.monitor.api.Signals;
import io.dynofa.runtime.api.RuntimeStatus;
import io.dynofa.runtime.api.RuntimeStatus.State;

/** One headless report line: the runtime's status and signals as a JSON object. */
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
        JsonWriter json = new JsonWriter().number("t", seconds, 1);
        if (status == null) {
            json.string("family", null).string("policy", null).string("backend", null).string("level", null)
                .integer("levelIndex", null);
        } else {
            json.string("family", status.familyId()).string("policy", status.policy())
                .string("backend", status.backendId()).string("level", status.levelId())
                .integer("levelIndex", status.levelIndex() < 0 ? null : (long) status.levelIndex());
        }
        json.number("latencyMeanMs", signal(signals, Metrics.LATENCY_MEAN_MS), 3)
            .number("latencyP95Ms", signal(signals, Metrics.LATENCY_P95_MS), 3)
            .number("targetMs", status == null ? null : status.targetMs(), 3);
        Double frames = signal(signals, DEMO_FRAMES);
        json.integer("frames", frames == null || !Double.isFinite(frames) ? null : Math.round(frames))
            .number("accuracy", signal(signals, DEMO_ACCURACY), 2)
            .number("cpuLoad", signal(signals, Metrics.CPU_LOAD), 3)
            .number("slowdown", signal(signals, Metrics.SLOWDOWN), 3)
            .number("frameP95Ms", signal(signals, DEMO_LATENCY_P95), 3)
            .string("state", (status == null ? State.NOT_READY : status.state()).name())
            .integer("switches", status == null ? null : status.switches())
            .integer("failed", status == null ? null : status.failed())
            .string("keepWarm", status == null ? null : status.keepWarm())
            .counts("rejected", status == null ? null : status.rejected())
            .strings("problems", status == null ? null : status.problems())
            .string("lastDecision", status == null ? null : status.lastDecision());
        return json.toString();
    }

    private static Double signal(Signals signals, String metric) {
        return signals.values().get(metric);
    }
}
