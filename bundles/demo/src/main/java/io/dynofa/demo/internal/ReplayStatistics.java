package io.dynofa.demo.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the demo camera has seen so far, published as {@code demo.*} metrics. Thread-safe. */
final class ReplayStatistics {
    static final String FRAMES = "demo.frames";
    static final String CORRECT = "demo.correct";
    static final String FAILED = "demo.failed";
    static final String DROPPED = "demo.dropped";
    static final String ACCURACY = "demo.accuracy";
    static final String PASSES = "demo.passes";
    static final String FPS = "demo.fps";
    static final String LATENCY_MEAN = "demo.latency.mean.ms";
    static final String LATENCY_P95 = "demo.latency.p95.ms";
    private static final String LEVEL_PREFIX = "demo.level.";

    private final LongAdder frames = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder correct = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder passes = new LongAdder();
    private final Map<String, LongAdder> levelFrames = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> levelCorrect = new ConcurrentHashMap<>();
    private final FrameRate rate = new FrameRate();
    private final LatencyHistogram latency = new LatencyHistogram();

    /** A frame answered by {@code levelId} after {@code nanos} end to end. */
    void answered(String levelId, boolean right, long nanos) {
        frameSeen();
        latency.record(nanos);
        String level = levelId == null ? "unknown" : levelId;
        levelFrames.computeIfAbsent(level, l -> new LongAdder()).increment();
        answered.increment();
        if (right) {
            levelCorrect.computeIfAbsent(level, l -> new LongAdder()).increment();
            correct.increment();
        }
    }

    void failed() {
        frameSeen();
        failed.increment();
    }

    void dropped() {
        frameSeen();
        dropped.increment();
    }

    void passCompleted() {
        passes.increment();
    }

    /**
     * The {@code demo.*} metrics; {@code demo.accuracy} (percent of answered frames) only once a frame
     * was answered. Counters are read in the reverse order of their updates, so a reading taken
     * mid-update never shows more correct than answered frames or more outcomes than frames.
     */
    Map<String, Double> read() {
        long right = correct.sum();
        long answeredFrames = answered.sum();
        long failedFrames = failed.sum();
        long droppedFrames = dropped.sum();
        Map<String, Double> values = new TreeMap<>();
        values.put(FRAMES, (double) frames.sum());
        values.put(CORRECT, (double) right);
        values.put(FAILED, (double) failedFrames);
        values.put(DROPPED, (double) droppedFrames);
        values.put(PASSES, (double) passes.sum());
        values.put(FPS, rate.perSecond(System.nanoTime()));
        if (answeredFrames > 0) {
            values.put(ACCURACY, 100.0 * right / answeredFrames);
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

    private void frameSeen() {
        frames.increment();
        rate.record(System.nanoTime());
    }
}
