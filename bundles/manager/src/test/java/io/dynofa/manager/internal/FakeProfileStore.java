package io.dynofa.manager.internal;

import io.dynofa.profile.api.LatencyProfile;
import io.dynofa.profile.api.LevelLatency;
import io.dynofa.profile.api.ProfileStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory {@link ProfileStore}. */
final class FakeProfileStore implements ProfileStore {
    private final Map<String, LatencyProfile> profiles = new ConcurrentHashMap<>();

    /** A profile of {@code family} on {@code backend} with these median latencies (ms), in level order. */
    static LatencyProfile profile(FakeFamily family, String backend, double... medians) {
        List<LevelLatency> levels = new ArrayList<>();
        for (int i = 0; i < medians.length; i++) {
            var spec = family.levels().get(i);
            levels.add(new LevelLatency(spec.id(), spec.series(), spec.top1(), spec.macs(), medians[i],
                medians[i] * 1.2, 0.01, 100, spec.sha256()));
        }
        return new LatencyProfile(family.id(), family.version(), backend, "fake backend " + backend, "host", "cpu", "test",
            Instant.parse("2026-01-02T03:04:05Z"), levels, LatencyProfile.paretoFront(levels));
    }

    @Override
    public Optional<LatencyProfile> find(String familyId, String backendId) {
        return Optional.ofNullable(profiles.get(familyId + "/" + backendId));
    }

    @Override
    public void save(LatencyProfile profile) {
        profiles.put(profile.familyId() + "/" + profile.backendId(), profile);
    }

    @Override
    public List<String> locations(String familyId, String backendId) {
        return List.of();
    }
}
