package io.dynofa.manager.internal;

/**
 * The manager's configuration as it uses it, with the operator's overrides (target, policy) applied; immutable.
 * Every value comes from a {@link ManagerConfig} that {@link io.dynofa.config.internal.ConfigReader} checked.
 */
record Settings(double targetMs, double accuracyFloor, String family, String backend, String policy,
                String fallbackPolicy, String fallbackFamily, String pinnedLevel, long decisionIntervalMs,
                int warmupRuns, int profileRuns, int profileBatch, KeepWarm keepWarm, long profileWaitMs,
                Limits limits, double deadlineMs, int priority, boolean serveWhileLoading) {

    static Settings of(ManagerConfig c) {
        return new Settings(c.targetLatencyMs(), c.accuracyFloor(), c.family().trim(), c.backend().trim(),
            c.policy().trim(), c.fallbackPolicy().trim(), c.fallbackFamily().trim(), c.pinnedLevel().trim(),
            c.decisionIntervalMs(), c.warmupRuns(), c.profileRuns(), c.profileBatch(),
            KeepWarm.of(c), c.profileWaitMs(), Limits.of(c), c.deadlineMs(), c.priority(), c.serveWhileLoading());
    }

    Settings withTarget(double ms) {
        return new Settings(ms, accuracyFloor, family, backend, policy, fallbackPolicy, fallbackFamily, pinnedLevel,
            decisionIntervalMs, warmupRuns, profileRuns, profileBatch, keepWarm, profileWaitMs, limits, deadlineMs,
            priority, serveWhileLoading);
    }

    Settings withPolicy(String name) {
        return new Settings(targetMs, accuracyFloor, family, backend, name, fallbackPolicy, fallbackFamily, pinnedLevel,
            decisionIntervalMs, warmupRuns, profileRuns, profileBatch, keepWarm, profileWaitMs, limits, deadlineMs,
            priority, serveWhileLoading);
    }
}
