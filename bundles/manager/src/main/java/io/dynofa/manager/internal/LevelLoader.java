package io.dynofa.manager.internal;

import io.dynofa.backend.api.BackendException;
import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.backend.api.LoadedModel;
import io.dynofa.family.api.LevelSpec;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.inference.api.Tensor;
import io.dynofa.policy.api.Level;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Loads every level of a family on a backend, warms each one, measures its batch-1 latency there
 * and keeps the levels on the accuracy/latency Pareto front; the others are closed.
 */
final class LevelLoader {
    private final int warmupRuns;
    private final int profileRuns;

    LevelLoader(int warmupRuns, int profileRuns) {
        this.warmupRuns = Math.max(0, warmupRuns);
        this.profileRuns = Math.max(1, profileRuns);
    }

    /**
     * @param problems told of each level that could not be loaded (the others still load)
     * @throws BackendException when no level at all could be loaded
     */
    ActiveSet load(ModelFamily family, DeviceBackend backend, Consumer<String> problems) throws BackendException {
        Tensor probe = SampleInputs.probe(family.input());
        List<ResidentLevel> measured = new ArrayList<>();
        try {
            for (LevelSpec spec : family.levels()) {
                LoadedModel model = loadOne(family, backend, spec, problems);
                if (model != null) {
                    measured.add(measure(spec, model, probe, problems));
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
        List<ResidentLevel> front = ParetoFront.of(measured, r -> r.level().latencyMs(), r -> r.level().top1());
        measured.stream().filter(r -> !front.contains(r)).forEach(r -> r.model().close());
        List<ResidentLevel> indexed = new ArrayList<>();
        for (int i = 0; i < front.size(); i++) {
            indexed.add(front.get(i).withIndex(i));
        }
        return new ActiveSet(family, backend, indexed);
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
