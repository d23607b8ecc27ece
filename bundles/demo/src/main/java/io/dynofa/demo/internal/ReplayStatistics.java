package io.dynofa.demo.internal;

import io.dynofa.monitor.api.Metrics;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the demo camera has seen so far, published as {@code demo.*} metrics (cumulative) and the frame metrics
 * of {@link Metrics} over a sliding {@link FrameWindow}. Thread-safe.
 */
final class ReplayStatistics {
    static final String FRAMES = "demo.frames";
    static final String FRAMES_LATE = "demo.frames.late";
    static final String FRAMES_DROPPED = "demo.frames.dropped";
    static final String FRAMES_FAILED = "demo.frames.failed";
    static final String ITEMS_CORRECT = "demo.items.correct";
    /** Items classified right (the name from before frames carried several items; = {@link #ITEMS_CORRECT}). */
    static final String CORRECT = "demo.correct";
    /** = {@link #FRAMES_FAILED}. */
    static final String FAILED = "demo.failed";
    /** = {@link #FRAMES_DROPPED}. */
    static final String DROPPED = "demo.dropped";
    static final String ACCURACY = "demo.accuracy";
    static final String PASSES = "demo.passes";
    static final String FPS = "demo.fps";
    static final String LATENCY_MEAN = "demo.latency.mean.ms";
    static final String LATENCY_P95 = "demo.latency.p95.ms";
    private static final String LEVEL_PREFIX = "demo.level.";

    private final LongAdder frames = new LongAdder();
    private final LongAdder answeredItems = new LongAdder();
    private final LongAdder correct = new LongAdder();
    private final LongAdder late = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder passes = new LongAdder();
    private final Map<String, LongAdder> levelFrames = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> levelCorrect = new ConcurrentHashMap<>();
    private final FrameRate rate = new FrameRate();
    private final LatencyHistogram latency = new LatencyHistogram();
    private final FrameWindow window;
    private volatile double deadlineMillis = Double.NaN;

    ReplayStatistics(long windowNanos) {
        window = new FrameWindow(windowNanos);
    }

    /** The deadline frames get now, ms (NaN = none), and the window of the frame metrics. */
    void settings(double deadlineMs, long windowNanos) {
        deadlineMillis = deadlineMs;
        window.window(windowNanos);
    }

    /** A frame whose outcome is known, at {@code nowNanos}. */
    void ended(FrameRecord record, long nowNanos) {
        frames.increment();
        rate.record(nowNanos);
        switch (record.verdict()) {
            case OK, LATE -> answered(record);
            case DROPPED -> dropped.increment();
            case FAILED -> failed.increment();
        }
        window.record(record.endNanos(), record.served() ? record.latencyNanos() : -1, record.miss());
    }

    void passCompleted() {
        passes.increment();
    }

    /**
     * The {@code demo.*} metrics and, over the window, {@link Metrics#FRAME_COUNT}, {@link Metrics#FRAME_MISS_RATE}
     * (late, dropped or failed over frames; only with frames), {@link Metrics#FRAME_LATENCY_P95_MS} and
     * {@link Metrics#FRAME_LATENCY_P99_MS} (answered frames, arrival to end; only with such frames), and
     * {@link Metrics#FRAME_DEADLINE_MS} while frames have a deadline. {@code demo.accuracy} (percent of answered
     * items) only once an item was answered. Counters are read in the reverse order of their updates, so a
     * reading taken mid-update never shows more correct than answered items or more outcomes than frames.
     */
    Map<String, Double> read(long nowNanos) {
        Map<String, Double> values = new TreeMap<>();
        FrameWindow.Reading recent = window.read(nowNanos);
        values.put(Metrics.FRAME_COUNT, (double) recent.frames());
        if (recent.frames() > 0) {
            values.put(Metrics.FRAME_MISS_RATE, recent.missRate());
        }
        if (!Double.isNaN(recent.p95Millis())) {
            values.put(Metrics.FRAME_LATENCY_P95_MS, recent.p95Millis());
            values.put(Metrics.FRAME_LATENCY_P99_MS, recent.p99Millis());
        }
        if (!Double.isNaN(deadlineMillis)) {
            values.put(Metrics.FRAME_DEADLINE_MS, deadlineMillis);
        }
        long right = correct.sum();
        long answered = answeredItems.sum();
        long lateFrames = late.sum();
        long failedFrames = failed.sum();
        long droppedFrames = dropped.sum();
        values.put(FRAMES, (double) frames.sum());
        values.put(CORRECT, (double) right);
        values.put(ITEMS_CORRECT, (double) right);
        values.put(FRAMES_LATE, (double) lateFrames);
        values.put(FAILED, (double) failedFrames);
        values.put(FRAMES_FAILED, (double) failedFrames);
        values.put(DROPPED, (double) droppedFrames);
        values.put(FRAMES_DROPPED, (double) droppedFrames);
        values.put(PASSES, (double) passes.sum());
        values.put(FPS, rate.perSecond(nowNanos));
        if (answered > 0) {
            values.put(ACCURACY, 100.0 * right / answered);
        }
        if (latency.count() > 0) {
            values.put(LATENCY_MEAN, latency.meanMillis());
            values.put(LATENCY_P95, latency.percentileMillis(95));
        }
        levelFrames.forEach((level, count) -> {
            values.put(LEVEL_PREFIX + level + ".frames", (double) count.sum());
            LongAdder levelRight = levelCorrect.get(level);
            values.put(LEVEL_PREFIX + level + ".correct", levelRight == null ? 0.0 : (double) levelRight.sum());
        });
        return values;
    }

    private void answered(FrameRecord record) {
        latency.record(record.latencyNanos());
        String level = record.levelId() == null ? "unknown" : record.levelId();
        levelFrames.computeIfAbsent(level, l -> new LongAdder()).increment();
        levelCorrect.computeIfAbsent(level, l -> new LongAdder()).add(record.correct());
        answeredItems.add(record.frame().items());
        correct.add(record.correct());
        if (record.verdict() == FrameRecord.Verdict.LATE) {
            late.increment();
        }
    }
}
