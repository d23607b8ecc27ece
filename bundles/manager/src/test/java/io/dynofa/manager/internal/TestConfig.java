package io.dynofa.manager.internal;

import io.dynofa.config.internal.ConfigRead;
import io.dynofa.config.internal.ConfigReader;
import java.util.HashMap;
import java.util.Map;

/** {@link ManagerConfig} instances for tests, read by the manager's own {@link ConfigReader}. */
final class TestConfig {
    static final ConfigReader<ManagerConfig> READER = ConfigReader.of(ManagerConfig.class);

    private TestConfig() {
    }

    /**
     * The properties (as DS hands them over) of defaults suited to fast tests (no warm-up, 3 profile runs, 10 ms
     * decisions, no wait for a profile store) plus {@code overrides}.
     */
    static Map<String, Object> fast(Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>(Map.of("warmupRuns", 0, "profileRuns", 3, "decisionIntervalMs", 10,
            "profileWaitMs", 0));
        values.putAll(overrides);
        return values;
    }

    /** The default limits. */
    static Limits limits() {
        return Limits.of(READER.defaults());
    }

    /** The configuration {@code properties} give over the defaults; they must all be valid. */
    static ManagerConfig of(Map<String, Object> properties) {
        ConfigRead<ManagerConfig> read = READER.read(properties, null);
        if (!read.details().isEmpty()) {
            throw new IllegalArgumentException("invalid test configuration: " + read.problems());
        }
        return read.config();
    }
}
