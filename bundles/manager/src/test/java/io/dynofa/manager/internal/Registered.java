package io.dynofa.manager.internal;

import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.monitor.api.Monitor;
import io.dynofa.policy.api.SwitchingPolicy;
import io.dynofa.runtime.api.ProblemSource;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.Constants;

/**
 * The service properties a plug-in is registered with, as DS hands them to the bind methods: the naming
 * property its API documents (from its own id, as the shipped plug-ins do) and a {@code service.id} that
 * stays the same for one object.
 */
final class Registered {
    private static final AtomicLong NEXT_SERVICE_ID = new AtomicLong(100);
    private static final Map<Object, Long> SERVICE_IDS = Collections.synchronizedMap(new IdentityHashMap<>());

    private Registered() {
    }

    static Map<String, Object> policy(SwitchingPolicy policy) {
        return as(policy, SwitchingPolicy.POLICY_NAME, policy.name());
    }

    static Map<String, Object> backend(DeviceBackend backend) {
        return as(backend, DeviceBackend.BACKEND_ID, backend.id());
    }

    static Map<String, Object> family(ModelFamily family) {
        return as(family, ModelFamily.FAMILY_ID, family.id());
    }

    static Map<String, Object> monitor(Monitor monitor) {
        return as(monitor);
    }

    static Map<String, Object> problemSource(ProblemSource source, String name) {
        return as(source, ProblemSource.SOURCE, name);
    }

    /** {@code service}'s {@code service.id} plus {@code keysAndValues}. */
    static Map<String, Object> as(Object service, Object... keysAndValues) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(Constants.SERVICE_ID, SERVICE_IDS.computeIfAbsent(service,
            s -> NEXT_SERVICE_ID.incrementAndGet()));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}
