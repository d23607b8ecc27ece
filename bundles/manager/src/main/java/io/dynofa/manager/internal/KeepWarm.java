package io.dynofa.manager.internal;

import java.util.List;

/**
 * How the {@link LevelWarmer} keeps the levels next to the serving one warm: {@code neighbours} levels on
 * each side (0 = off), each run {@code runs} times every {@code intervalMs}, the interval stretched so that
 * warming takes at most {@code maxCpuShare} of one core, and no rounds while the system's CPU load is at
 * or above {@code maxCpuLoad} (1 = never paused).
 */
record KeepWarm(int neighbours, long intervalMs, int runs, double maxCpuShare, double maxCpuLoad) {
    static final KeepWarm DEFAULTS = new KeepWarm(1, 10, 2, 0.1, 0.9);
    private static final int MAX_NEIGHBOURS = 64;
    private static final long MAX_INTERVAL_MS = 3_600_000;
    private static final int MAX_RUNS = 1_000;

    boolean enabled() {
        return neighbours > 0;
    }

    /** The configured values, each invalid one replaced by {@code previous}'s with a line in {@code problems}. */
    static KeepWarm of(ManagerConfig c, KeepWarm previous, List<String> problems) {
        int neighbours = Checked.orPrevious("keepWarmNeighbours", c.keepWarmNeighbours(),
            c.keepWarmNeighbours() >= 0 && c.keepWarmNeighbours() <= MAX_NEIGHBOURS,
            "0 = off, or a number of levels up to " + MAX_NEIGHBOURS, previous.neighbours, problems);
        long interval = Checked.orPrevious("keepWarmIntervalMs", c.keepWarmIntervalMs(),
            c.keepWarmIntervalMs() >= 1 && c.keepWarmIntervalMs() <= MAX_INTERVAL_MS, "1 to " + MAX_INTERVAL_MS + " ms",
            previous.intervalMs, problems);
        int runs = Checked.orPrevious("keepWarmRuns", c.keepWarmRuns(),
            c.keepWarmRuns() >= 1 && c.keepWarmRuns() <= MAX_RUNS, "1 to " + MAX_RUNS, previous.runs, problems);
        double share = Checked.orPrevious("keepWarmMaxCpuShare", c.keepWarmMaxCpuShare(),
            isShare(c.keepWarmMaxCpuShare()), "above 0, at most 1", previous.maxCpuShare, problems);
        double load = Checked.orPrevious("keepWarmMaxCpuLoad", c.keepWarmMaxCpuLoad(),
            isShare(c.keepWarmMaxCpuLoad()), "above 0, at most 1", previous.maxCpuLoad, problems);
        return new KeepWarm(neighbours, interval, runs, share, load);
    }

    private static boolean isShare(double value) {
        return value > 0 && value <= 1;
    }
}
