package io.dynofa.health.internal;

import io.dynofa.monitor.api.Metrics;
import io.dynofa.monitor.api.Signals;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Per deployment, the last minute's runs within the latency target and frames within their deadline. Runs are
 * told one by one ({@link #run}, lock-free, allocation-free, against the target last sampled); frames are
 * sampled from the application's frame signals ({@link Metrics#FRAME_COUNT}, {@link Metrics#FRAME_MISS_RATE})
 * once per {@link #sample}, so the minute's frame share is the frame-weighted mean of the windows sampled. Only
 * deployments sampled have windows, at most {@link #MAX_DEPLOYMENTS}.
 */
final class TargetWindows {
    static final int MAX_DEPLOYMENTS = 64;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** Records one run of {@code deployment}; ignored until the deployment was sampled. */
    void run(String deployment, long latencyNanos, long nanoTime) {
        Window window = deployment == null ? null : windows.get(deployment);
        if (window != null && window.targetNanos > 0) {
            window.runs.add(nanoTime, 1, latencyNanos <= window.targetNanos ? 1 : 0);
        }
    }

    /** Samples every deployment's target and frame signals; forgets deployments no longer there. */
    void sample(List<DeploymentState> deployments, long nanoTime) {
        Set<String> present = deployments.stream().map(DeploymentState::deployment).collect(Collectors.toSet());
        windows.keySet().retainAll(present);
        for (DeploymentState d : deployments) {
            Window window = windows.get(d.deployment());
            if (window == null) {
                if (windows.size() >= MAX_DEPLOYMENTS) {
                    continue;
                }
                window = windows.computeIfAbsent(d.deployment(), name -> new Window());
            }
            double targetMs = d.status().targetMs();
            window.targetNanos = Double.isFinite(targetMs) && targetMs > 0 ? (long) (targetMs * 1e6) : 0;
            sampleFrames(window, d.status().signals(), nanoTime);
        }
    }

    /** The last minute's share of frames within deadline (when frames were sampled) else of runs within target. */
    Map<String, Reading> lastMinute(long nanoTime) {
        return windows.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> {
            MinuteCounts.Share frames = e.getValue().frames.lastMinute(nanoTime);
            return frames.total() > 0 ? new Reading("frames within deadline", frames)
                : new Reading("runs within target", e.getValue().runs.lastMinute(nanoTime));
        }));
    }

    private static void sampleFrames(Window window, Signals signals, long nanoTime) {
        OptionalDouble count = signals.get(Metrics.FRAME_COUNT);
        OptionalDouble missRate = signals.get(Metrics.FRAME_MISS_RATE);
        if (count.isPresent() && missRate.isPresent() && count.getAsDouble() >= 1
            && Double.isFinite(count.getAsDouble()) && missRate.getAsDouble() >= 0 && missRate.getAsDouble() <= 1) {
            long frames = Math.round(count.getAsDouble());
            window.frames.add(nanoTime, frames, Math.round(frames * (1 - missRate.getAsDouble())));
        }
    }

    /** What a deployment's minute counted: {@code what} says whether frames or runs. */
    record Reading(String what, MinuteCounts.Share share) {
    }

    private static final class Window {
        final MinuteCounts runs = new MinuteCounts();
        final MinuteCounts frames = new MinuteCounts();
        volatile long targetNanos;
    }
}
