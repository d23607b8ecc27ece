package io.dynofa.bench.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The runtime manager's configuration ({@value #PID}) as an operator changes it, through ConfigAdmin: one
 * property overridden for a measurement, then the configuration put back as it was.
 */
final class RuntimeConfiguration {
    static final String PID = "io.dynofa.runtime";
    /** Time for the manager to receive the update (ConfigAdmin delivers it asynchronously). */
    private static final long SETTLE_MS = 500;

    private final ConfigurationAdmin configAdmin;

    RuntimeConfiguration(ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
    }

    /** Sets {@code key} to {@code value}; returns the properties before, for {@link #restore}. */
    Dictionary<String, Object> override(String key, Object value) throws IOException, InterruptedException {
        Configuration configuration = configAdmin.getConfiguration(PID, "?");
        Dictionary<String, Object> before = configuration.getProperties();
        Hashtable<String, Object> next = new Hashtable<>();
        if (before != null) {
            for (String k : Collections.list(before.keys())) {
                next.put(k, before.get(k));
            }
        }
        next.put(key, value);
        configuration.update(next);
        Thread.sleep(SETTLE_MS);
        return before == null ? new Hashtable<>() : before;
    }

    void restore(Dictionary<String, Object> before) throws IOException, InterruptedException {
        configAdmin.getConfiguration(PID, "?").update(before);
        Thread.sleep(SETTLE_MS);
    }
}
