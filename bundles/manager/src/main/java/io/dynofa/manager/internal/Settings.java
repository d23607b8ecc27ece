package io.dynofa.manager.internal;

import java.util.List;

/** The manager's configuration with operator overrides applied; immutable and always valid. */
record Settings(double targetMs, double accuracyFloor, String family, String backend, String policy,
                String fallbackPolicy, String fallbackFamily, String pinnedLevel, long decisionIntervalMs,
                int warmupRuns, int profileRuns, KeepWarm keepWarm, long profileWaitMs, Limits limits) {
    static final Settings DEFAULTS = new Settings(1.0, 0, "fmnist-ofa", "cpu", "dynofa-step", "dynofa-step", "", "",
        100, 30, 60, KeepWarm.DEFAULTS, 300, Limits.DEFAULTS);
    private static final long MIN_INTERVAL_MS = 10;

    /**
     * The configuration, with every invalid value replaced by the one in force ({@code previous}) and
     * a line in {@code problems} saying what was rejected and why: a bad edit never stops serving.
     */
    static Settings of(ManagerConfig c, Settings previous, List<String> problems) {
        double target = Checked.orPrevious("targetLatencyMs", c.targetLatencyMs(),
            c.targetLatencyMs() > 0 && !Double.isInfinite(c.targetLatencyMs()), "a positive number of ms is needed",
            previous.targetMs(), problems);
        double floor = Checked.orPrevious("accuracyFloor", c.accuracyFloor(),
            c.accuracyFloor() >= 0 && c.accuracyFloor() <= 100, "0 to 100 percent", previous.accuracyFloor(), problems);
        long interval = c.decisionIntervalMs();
        if (interval < MIN_INTERVAL_MS) {
            problems.add("decisionIntervalMs " + interval + " raised to the minimum of " + MIN_INTERVAL_MS);
            interval = MIN_INTERVAL_MS;
        }
        return new Settings(target, floor, c.family().trim(), c.backend().trim(), c.policy().trim(),
            c.fallbackPolicy().trim(), c.fallbackFamily().trim(), c.pinnedLevel().trim(), interval,
            Math.max(0, c.warmupRuns()), Math.max(1, c.profileRuns()), KeepWarm.of(c, previous.keepWarm(), problems),
            Math.max(0, c.profileWaitMs()), Limits.of(c, previous.limits(), problems));
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
