package io.dynofa.profiler.internal;

import io.dynofa.profile.api.LatencyProfile;
import io.dynofa.profile.api.LevelLatency;
import java.time.Instant;
import java.util.List;

/** Hand-made profiles for the tests. */
final class Profiles {

    private Profiles() {
    }

    static LevelLatency ofa(String id, double top1, double ms) {
        return new LevelLatency(id, "ofa", top1, 1_000_000, ms, ms * 1.2, ms / 10, 100, "sha-" + id);
    }

    static LevelLatency width(String id, double top1, double ms) {
        return new LevelLatency(id, "width-only", top1, 2_000_000, ms, ms * 1.2, ms / 10, 100);
    }

    static LatencyProfile of(List<LevelLatency> levels) {
        return new LatencyProfile("fmnist-ofa", "1.0.0", "cpu", "ONNX Runtime 1.24.2 CPU, 1 intra-op thread", "host-1",
            "Test CPU (2 logical CPUs)", "1.24.2", Instant.parse("2026-03-04T05:06:07.123Z"), levels,
            LatencyProfile.paretoFront(levels));
    }

    static LatencyProfile sample() {
        return of(List.of(ofa("ofa-01", 80.5, 0.12), ofa("ofa-02", 84.25, 0.2), ofa("ofa-03", 83.0, 0.3),
            ofa("ofa-04", 88.0, 0.45), width("width-222", 82.0, 0.4), width("width-444", 86.0, 0.8),
            width("width-666", 88.5, 1.2)));
    }
}
