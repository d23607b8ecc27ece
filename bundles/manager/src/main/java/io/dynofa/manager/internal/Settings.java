package io.dynofa.manager.internal;

import java.util.List;

/** The manager's configuration with operator overrides applied; immutable and always valid. */
record Settings(double targetMs, double accuracyFloor, String family, String backend, String policy,
                String fallbackPolicy, String fallbackFamily, String pinnedLevel, long decisionIntervalMs,
                int warmupRuns, int profileRuns, KeepWarm keepWarm, long profileWaitMs, Limits limits) {
    static final Settings DEFAULTS = new Settings(1.0, 0, "fmnist-ofa", "cpu", "dynofa-step", "dynofa-step", "", "",
        100, 30, 60, KeepWarm.DEFAULTS, 300, Limits.DEFAULTS);
    private static final long MIN_INTERVAL_MS = 10;
    /** Upper bounds: every period at most an hour, run counts and the start-up wait within reason. */
    private static final long MAX_INTERVAL_MS = 3_600_000;
    private static final long MAX_TARGET_MS = 60_000;
    private static final int MAX_RUNS = 10_000;
    private static final long MAX_PROFILE_WAIT_MS = 60_000;

    /**
     * The configuration, with every invalid value replaced by the one in force ({@code previous}) and
     * a line in {@code problems} saying what was rejected and why: a bad edit never stops serving.
     */
    static Settings of(ManagerConfig c, Settings previous, List<String> problems) {
        double target = Checked.orPrevious("targetLatencyMs", c.targetLatencyMs(),
            c.targetLatencyMs() > 0 && c.targetLatencyMs() <= MAX_TARGET_MS, "above 0, at most " + MAX_TARGET_MS
                + " ms", previous.targetMs(), problems);
        double floor = Checked.orPrevious("accuracyFloor", c.accuracyFloor(),
            c.accuracyFloor() >= 0 && c.accuracyFloor() <= 100, "0 to 100 percent", previous.accuracyFloor(), problems);
        long interval = Checked.orPrevious("decisionIntervalMs", c.decisionIntervalMs(),
            c.decisionIntervalMs() >= MIN_INTERVAL_MS && c.decisionIntervalMs() <= MAX_INTERVAL_MS,
            MIN_INTERVAL_MS + " to " + MAX_INTERVAL_MS + " ms", previous.decisionIntervalMs(), problems);
        int warmupRuns = Checked.orPrevious("warmupRuns", c.warmupRuns(),
            c.warmupRuns() >= 0 && c.warmupRuns() <= MAX_RUNS, "0 to " + MAX_RUNS, previous.warmupRuns(), problems);
        int profileRuns = Checked.orPrevious("profileRuns", c.profileRuns(),
            c.profileRuns() >= 1 && c.profileRuns() <= MAX_RUNS, "1 to " + MAX_RUNS, previous.profileRuns(), problems);
        long profileWait = Checked.orPrevious("profileWaitMs", c.profileWaitMs(),
            c.profileWaitMs() >= 0 && c.profileWaitMs() <= MAX_PROFILE_WAIT_MS, "0 to " + MAX_PROFILE_WAIT_MS + " ms",
            previous.profileWaitMs(), problems);
        return new Settings(target, floor, c.family().trim(), c.backend().trim(), c.policy().trim(),
            c.fallbackPolicy().trim(), c.fallbackFamily().trim(), c.pinnedLevel().trim(), interval, warmupRuns,
            profileRuns, KeepWarm.of(c, previous.keepWarm(), problems), profileWait,
            Limits.of(c, previous.limits(), problems));
    }

    Settings withTarget(double ms) {
        return new Settings(ms, accuracyFloor, family, backend, policy, fallbackPolicy, fallbackFamily, pinnedLevel,
            decisionIntervalMs, warmupRuns, profileRuns, keepWarm, profileWaitMs, limits);
    }

    Settings withPolicy(String name) {
        return new Settings(targetMs, accuracyFloor, family, backend, name, fallbackPolicy, fallbackFamily, pinnedLevel,
            decisionIntervalMs, warmupRuns, profileRuns, keepWarm, profileWaitMs, limits);
    }
}
