package io.dynofa.manager.internal;

import io.dynofa.backend.api.BackendException;
import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.backend.api.LoadedModel;
import io.dynofa.family.api.LevelSpec;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.inference.api.Tensor;
import io.dynofa.policy.api.Level;
import io.dynofa.profile.api.LatencyProfile;
import io.dynofa.profile.api.LevelLatency;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Loads the levels of a family on a backend, warms each one and keeps the levels on the
 * accuracy/latency Pareto front; the others are closed. Latencies come from a stored device profile
 * when one {@linkplain #usable matches} the family and backend (then only the profile's Pareto levels
 * are loaded and nothing is timed), otherwise every level is loaded and timed here.
 */
final class LevelLoader {
    private final int warmupRuns;
    private final int profileRuns;

    LevelLoader(int warmupRuns, int profileRuns) {
        this.warmupRuns = Math.max(0, warmupRuns);
        this.profileRuns = Math.max(1, profileRuns);
    }

    /**
     * {@code profile} if it describes exactly this family on this backend: same ids, every level of
     * the family measured with the manifest's top-1 and MACs; otherwise null (e.g. the family was
     * retrained or extended since it was profiled).
     */
    static LatencyProfile usable(LatencyProfile profile, ModelFamily family, DeviceBackend backend) {
        if (profile == null || !profile.familyId().equals(family.id()) || !profile.backendId().equals(backend.id())) {
            return null;
        }
        for (LevelSpec spec : family.levels()) {
            LevelLatency l = profile.level(spec.id());
            if (l == null || l.top1() != spec.top1() || l.macs() != spec.macs() || !(l.medianMs() > 0)) {
                return null;
            }
        }
        return profile;
    }

    ActiveSet load(ModelFamily family, DeviceBackend backend, Consumer<String> problems) throws BackendException {
        return load(family, backend, null, problems);
    }

    /**
     * @param profile a stored profile {@linkplain #usable usable} for this family and backend, or null
     *     to measure every level here
     * @param problems told of each level that could not be loaded (the others still load)
     * @throws BackendException when no level at all could be loaded
     */
    ActiveSet load(ModelFamily family, DeviceBackend backend, LatencyProfile profile, Consumer<String> problems)
        throws BackendException {
        Tensor probe = family.input().probe();
        List<LevelSpec> candidates = family.levels();
        if (profile != null) {
            List<LevelLatency> front = LatencyProfile.paretoFront(profile.levels(), LevelLatency::medianMs,
                LevelLatency::top1);
            candidates = front.stream().map(l -> spec(family, l.levelId())).filter(Objects::nonNull).toList();
        }
        List<ResidentLevel> measured = new ArrayList<>();
        try {
            for (LevelSpec spec : candidates) {
                LoadedModel model = loadOne(family, backend, spec, problems);
                if (model != null) {
                    measured.add(profile == null ? measure(spec, model, probe, problems)
                        : warm(spec, model, probe, profile.level(spec.id()).medianMs(), problems));
                }
            }
        } catch (RuntimeException | Error e) {
            measured.forEach(r -> r.model().close());
            throw e;
        }
        measured.removeIf(r -> r.profiledNanos() <= 0 && closeQuietly(r));
        if (measured.isEmpty()) {
            throw new BackendException("no level of family '" + family.id() + "' could be loaded on backend '"
                + backend.id() + "'");
        }
        List<ResidentLevel> front = LatencyProfile.paretoFront(measured, r -> r.level().latencyMs(),
            r -> r.level().top1());
        measured.stream().filter(r -> !front.contains(r)).forEach(r -> r.model().close());
        List<ResidentLevel> indexed = new ArrayList<>();
        for (int i = 0; i < front.size(); i++) {
            indexed.add(front.get(i).withIndex(i));
        }
        return new ActiveSet(family, backend, indexed);
    }

    private static LevelSpec spec(ModelFamily family, String levelId) {
        return family.levels().stream().filter(s -> s.id().equals(levelId)).findFirst().orElse(null);
    }

    private static LoadedModel loadOne(ModelFamily family, DeviceBackend backend, LevelSpec spec,
                                       Consumer<String> problems) {
        try {
            return backend.load(family.id() + "/" + spec.id(), family.model(spec.id()));
        } catch (IOException | BackendException | RuntimeException e) {
            problems.accept("level " + family.id() + "/" + spec.id() + " skipped: " + e.getMessage());
            return null;
        }
    }

    /** Warms the level and takes its latency from the stored profile. */
    private ResidentLevel warm(LevelSpec spec, LoadedModel model, Tensor probe, double profiledMs,
                               Consumer<String> problems) {
        try {
            model.run(probe);
            for (int i = 1; i < warmupRuns; i++) {
                model.run(probe);
            }
        } catch (BackendException | RuntimeException e) {
            problems.accept("level " + spec.id() + " dropped: " + e.getMessage());
            return new ResidentLevel(new Level(-1, spec.id(), spec.top1(), 0), spec, model, 0);
        }
        return new ResidentLevel(new Level(-1, spec.id(), spec.top1(), profiledMs), spec, model,
            Math.max(1, Math.round(profiledMs * 1e6)));
    }

    private ResidentLevel measure(LevelSpec spec, LoadedModel model, Tensor probe, Consumer<String> problems) {
        long[] times = new long[profileRuns];
        try {
            for (int i = 0; i < warmupRuns; i++) {
                model.run(probe);
            }
            for (int i = 0; i < profileRuns; i++) {
                long t0 = System.nanoTime();
                model.run(probe);
                times[i] = System.nanoTime() - t0;
            }
        } catch (BackendException | RuntimeException e) {
            problems.accept("level " + spec.id() + " dropped: " + e.getMessage());
            return new ResidentLevel(new Level(-1, spec.id(), spec.top1(), 0), spec, model, 0);
        }
        Arrays.sort(times);
        long median = times[times.length / 2];
        return new ResidentLevel(new Level(-1, spec.id(), spec.top1(), median / 1e6), spec, model, median);
    }

    private static boolean closeQuietly(ResidentLevel r) {
        r.model().close();
        return true;
    }
}
