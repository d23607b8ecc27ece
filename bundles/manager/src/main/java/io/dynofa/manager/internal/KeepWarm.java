package io.dynofa.manager.internal;

/**
 * How the {@link LevelWarmer} keeps the levels next to the serving one warm: {@code neighbours} levels on
 * each side (0 = off), each run {@code runs} times every {@code intervalMs}, the interval stretched so that
 * warming takes at most {@code maxCpuShare} of one core, and no rounds while the system's CPU load is at
 * or above {@code maxCpuLoad} (1 = never paused).
 */
record KeepWarm(int neighbours, long intervalMs, int runs, double maxCpuShare, double maxCpuLoad) {

    boolean enabled() {
        return neighbours > 0;
    }

    static KeepWarm of(ManagerConfig c) {
        return new KeepWarm(c.keepWarmNeighbours(), c.keepWarmIntervalMs(), c.keepWarmRuns(), c.keepWarmMaxCpuShare(),
            c.keepWarmMaxCpuLoad());
    }
}
