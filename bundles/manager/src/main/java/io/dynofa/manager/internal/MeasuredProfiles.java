package io.dynofa.manager.internal;

import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.profile.api.LatencyProfile;
import io.dynofa.profile.api.LevelLatency;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latencies this manager measured when it loaded a family on a backend, kept as a profile (keyed, like a
 * stored one, by each level file's SHA-256 and the backend's configuration), so that loading the same files
 * on the same backend again — a plug-in bundle updated, a backend restarted — loads only the Pareto levels
 * and times nothing. Used only where no stored profile applies. Shared by a gateway's deployments
 * ({@link GatewayLoads}); thread-safe.
 */
final class MeasuredProfiles {
    static final String HOST = "measured by this gateway on load";

    private final Map<String, LatencyProfile> byFamilyAndBackend = new ConcurrentHashMap<>();
    private final Map<String, Object> turns = new ConcurrentHashMap<>();

    /**
     * What a load of {@code family} on {@code backend} at {@code batch} items per request holds while it runs, so
     * that a second deployment loading the same waits and then {@linkplain #find finds} the first one's latencies.
     */
    Object turn(ModelFamily family, DeviceBackend backend, int batch) {
        return turns.computeIfAbsent(key(family.id(), backend.id(), batch), k -> new Object());
    }

    /** The remembered profile if it still applies to these files on this backend configuration, else null. */
    LatencyProfile find(ModelFamily family, DeviceBackend backend, int batch) {
        return LevelLoader.usable(byFamilyAndBackend.get(key(family.id(), backend.id(), batch)), family, backend);
    }

    /** Remembers the latencies measured of {@code family} on {@code backend} at {@code batch} items per request. */
    void remember(ModelFamily family, DeviceBackend backend, int batch, List<LevelLatency> levels) {
        if (!levels.isEmpty()) {
            byFamilyAndBackend.put(key(family.id(), backend.id(), batch), new LatencyProfile(family.id(), family.version(),
                backend.id(), backend.description(), HOST, "", "", Instant.now(), levels,
                LatencyProfile.paretoFront(levels)));
        }
    }

    private static String key(String familyId, String backendId, int batch) {
        return familyId + '\u0000' + backendId + '\u0000' + batch;
    }
}
