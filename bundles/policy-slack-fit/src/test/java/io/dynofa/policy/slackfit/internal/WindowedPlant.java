package io.dynofa.policy.slackfit.internal;

import io.dynofa.monitor.api.Metrics;
import io.dynofa.monitor.api.Signals;
import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.Level;
import io.dynofa.policy.api.PolicyContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A recorded-signal plant that mixes levels in its window the way the runtime does: levels of 1, 2, 3, 4 and
 * 6 ms and a 10 ms frame deadline; {@value #RUNS_PER_DECISION} frames (one run each) per 100 ms decision; the
 * latency monitor's window of the last {@value #WINDOW} runs (one second of them). A run takes its level's profiled
 * latency times the phase's slowdown times a repeating jitter of up to 5 %; a frame is missed when its run ends
 * after the deadline. A decision's move is carried out at once.
 */
final class WindowedPlant {
    static final double DEADLINE_MS = 10;
    static final List<Level> LEVELS = List.of(
        new Level(0, "xs", 70.0, 1.0),
        new Level(1, "s", 73.0, 2.0),
        new Level(2, "m", 75.0, 3.0),
        new Level(3, "l", 77.0, 4.0),
        new Level(4, "xl", 79.0, 6.0));
    static final int RUNS_PER_DECISION = 2;
    static final int WINDOW = 20;
    private static final long DECISION_INTERVAL_MS = 100;
    private static final double[] JITTER = {1.00, 0.97, 1.03, 0.99, 1.05, 0.96, 1.01, 1.02, 0.98, 1.04, 0.95};

    /** One run in the window: its latency and its slowdown against its own level's profile. */
    private record Run(double latencyMs, double slowdown) {
    }

    private final SlackFitRule rule;
    private final boolean tailSlowdown;
    private final Deque<Run> window = new ArrayDeque<>();
    private final List<Integer> moves = new ArrayList<>();
    private int level;
    private long sinceSwitchMs = 60_000;
    private int runs;

    /** @param tailSlowdown whether the signals carry the per-run p95 slowdown, as the shipped latency monitor's do */
    WindowedPlant(SlackFitRule rule, int level, boolean tailSlowdown) {
        this.rule = rule;
        this.level = level;
        this.tailSlowdown = tailSlowdown;
    }

    int level() {
        return level;
    }

    /** The level each switch so far moved to, in order. */
    List<Integer> moves() {
        return List.copyOf(moves);
    }

    /** {@code decisions} decisions under {@code slowdown}; each sees the runs made since the one before. */
    void run(double slowdown, int decisions) {
        for (int i = 0; i < decisions; i++) {
            for (int r = 0; r < RUNS_PER_DECISION; r++) {
                double ms = LEVELS.get(level).latencyMs() * slowdown * JITTER[runs++ % JITTER.length];
                window.addLast(new Run(ms, ms / LEVELS.get(level).latencyMs()));
                if (window.size() > WINDOW) {
                    window.removeFirst();
                }
            }
            Decision d = rule.decide(new PolicyContext(LEVELS, level, 50, 0, signals(),
                TimeUnit.MILLISECONDS.toNanos(sinceSwitchMs)));
            if (!d.isStay() && d.level() != level) {
                level = d.level();
                moves.add(level);
                sinceSwitchMs = 0;
            }
            sinceSwitchMs += DECISION_INTERVAL_MS;
        }
    }

    /** Decisions under {@code slowdown} until the level changes; fails after {@code limit}. */
    int decisionsUntilAMove(double slowdown, int limit) {
        int before = moves.size();
        for (int i = 1; i <= limit; i++) {
            run(slowdown, 1);
            if (moves.size() > before) {
                return i;
            }
        }
        throw new AssertionError("still at level " + level + " after " + limit + " decisions");
    }

    private Signals signals() {
        double[] sorted = window.stream().mapToDouble(Run::latencyMs).sorted().toArray();
        double p95 = sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
        long missed = Arrays.stream(sorted).filter(ms -> ms > DEADLINE_MS).count();
        Map<String, Double> values = new HashMap<>(Map.of(
            Metrics.LATENCY_COUNT, (double) sorted.length,
            Metrics.LATENCY_MEAN_MS, Arrays.stream(sorted).average().orElseThrow(),
            Metrics.LATENCY_P95_MS, p95,
            Metrics.SLOWDOWN, window.stream().mapToDouble(Run::slowdown).average().orElseThrow(),
            Metrics.FRAME_DEADLINE_MS, DEADLINE_MS,
            Metrics.FRAME_LATENCY_P95_MS, p95,
            Metrics.FRAME_COUNT, (double) sorted.length,
            Metrics.FRAME_MISS_RATE, (double) missed / sorted.length));
        if (tailSlowdown) {
            double[] slowdowns = window.stream().mapToDouble(Run::slowdown).sorted().toArray();
            values.put(Metrics.TAIL_SLOWDOWN, slowdowns[(int) Math.ceil(0.95 * slowdowns.length) - 1]);
        }
        return new Signals(values, 0);
    }
}
