package io.dynofa.manager.internal;

/** The manager's configuration with operator overrides applied; immutable. */
record Settings(double targetMs, double accuracyFloor, String family, String backend, String policy,
                String fallbackPolicy, long decisionIntervalMs, int warmupRuns, int profileRuns) {

    static Settings of(ManagerConfig c) {
        if (!(c.targetLatencyMs() > 0) || Double.isInfinite(c.targetLatencyMs())) {
            throw new IllegalArgumentException("targetLatencyMs must be a positive number, got " + c.targetLatencyMs());
        }
        return new Settings(c.targetLatencyMs(), c.accuracyFloor(), c.family().trim(), c.backend().trim(),
            c.policy().trim(), c.fallbackPolicy().trim(), Math.max(10, c.decisionIntervalMs()), c.warmupRuns(),
            c.profileRuns());
    }

    Settings withTarget(double ms) {
        return new Settings(ms, accuracyFloor, family, backend, policy, fallbackPolicy, decisionIntervalMs,
            warmupRuns, profileRuns);
    }

    Settings withPolicy(String name) {
        return new Settings(targetMs, accuracyFloor, family, backend, name, fallbackPolicy, decisionIntervalMs,
            warmupRuns, profileRuns);
    }
}
