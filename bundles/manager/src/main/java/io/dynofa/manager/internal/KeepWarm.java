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

    boolean enabled() {
        return neighbours > 0;
    }

    /** The configured values, each invalid one replaced by {@code previous}'s with a line in {@code problems}. */
    static KeepWarm of(ManagerConfig c, KeepWarm previous, List<String> problems) {
        int neighbours = c.keepWarmNeighbours();
        if (neighbours < 0) {
            problems.add("keepWarmNeighbours " + neighbours + " rejected (0 = off, or a number of levels); keeping "
                + previous.neighbours);
            neighbours = previous.neighbours;
        }
        long interval = c.keepWarmIntervalMs();
        if (interval < 1) {
            problems.add("keepWarmIntervalMs " + interval + " rejected (at least 1 ms); keeping " + previous.intervalMs);
            interval = previous.intervalMs;
        }
        int runs = c.keepWarmRuns();
        if (runs < 1) {
            problems.add("keepWarmRuns " + runs + " rejected (at least 1); keeping " + previous.runs);
            runs = previous.runs;
        }
        double share = c.keepWarmMaxCpuShare();
        if (!(share > 0 && share <= 1)) {
            problems.add("keepWarmMaxCpuShare " + share + " rejected (above 0, at most 1); keeping "
                + previous.maxCpuShare);
            share = previous.maxCpuShare;
        }
        double load = c.keepWarmMaxCpuLoad();
        if (!(load > 0 && load <= 1)) {
            problems.add("keepWarmMaxCpuLoad " + load + " rejected (above 0, at most 1); keeping " + previous.maxCpuLoad);
            load = previous.maxCpuLoad;
        }
        return new KeepWarm(neighbours, interval, runs, share, load);
    }
}
