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
import io.dynofa.runtime.api.Problem;
import io.dynofa.util.internal.Stats;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Loads the levels of a family on a backend, checks each one against its manifest entry ({@link LevelCheck}:
 * signature and a probe run for every level, the labelled sample for the levels on the Pareto front), warms it
 * and keeps the levels on the accuracy/latency Pareto front; the others are closed. Each level's load, probe
 * and timing, and its sample check, are each bounded by {@code levelTimeoutMs}: a level that takes longer is
 * refused and named, and the family loads without it. A level's latency comes from a stored device profile when the
 * profile measured exactly this file ({@link #profiled}: same SHA-256) on this backend configuration; the
 * other levels are measured here.
 */
final class LevelLoader {
    private final int warmupRuns;
    private final int profileRuns;
    private final int profileBatch;
    private final long levelTimeoutMs;
    private final int sampleSize;
    private final double sampleTolerancePct;
    private final SampleChecks sampleChecks;
    private final LoaderThread thread;
    private final ModelSource models;
    private final LoadPace pace;

    LevelLoader(int warmupRuns, int profileRuns, Limits limits) {
        this(warmupRuns, profileRuns, 1, limits, new SampleChecks(), new LoaderThread(), ModelSource.DIRECT,
            LoadPace.FULL);
    }

    /**
     * @param profileBatch the items per request a level is timed at (1: the probe itself)
     * @param sampleChecks the files already seen passing the sample check (shared between loads)
     * @param thread where each level is loaded and checked (shared between loads; its owner closes it)
     * @param models where the level files' sessions come from
     * @param pace full speed, or yielding to the threads that serve
     */
    LevelLoader(int warmupRuns, int profileRuns, int profileBatch, Limits limits, SampleChecks sampleChecks,
                LoaderThread thread, ModelSource models, LoadPace pace) {
        this.models = models;
        this.pace = pace;
        this.profileBatch = Math.max(1, profileBatch);
        this.sampleChecks = sampleChecks;
        this.thread = thread;
        this.warmupRuns = Math.max(0, warmupRuns);
        this.profileRuns = Math.max(1, profileRuns);
        this.levelTimeoutMs = limits.levelLoadTimeoutMs();
        this.sampleSize = limits.sampleCheckSize();
        this.sampleTolerancePct = limits.sampleTolerancePct();
    }

    /**
     * {@code profile} if it was taken of this family on this backend configuration and measured at least one of
     * the family's level files as they are now; otherwise null.
     */
    static LatencyProfile usable(LatencyProfile profile, ModelFamily family, DeviceBackend backend) {
        if (profile == null || !profile.familyId().equals(family.id()) || !profile.backendId().equals(backend.id())
            || !Objects.equals(profile.backendDescription(), backend.description())) {
            return null;
        }
        return family.levels().stream().anyMatch(spec -> profiled(profile, spec) != null) ? profile : null;
    }

    /** The profile's figures for {@code spec} if they were measured on this very file (same SHA-256), else null. */
    static LevelLatency profiled(LatencyProfile profile, LevelSpec spec) {
        LevelLatency l = profile == null ? null : profile.level(spec.id());
        if (l == null || !spec.sha256().equals(l.sha256()) || l.top1() != spec.top1() || l.macs() != spec.macs()
            || !(l.medianMs() > 0)) {
            return null;
        }
        return l;
    }

    ActiveSet load(ModelFamily family, DeviceBackend backend, Consumer<Problem> problems) throws BackendException {
        return load(family, backend, null, problems);
    }

    /**
     * @param profile a stored profile {@linkplain #usable usable} for this family and backend, or null
     *     to measure every level here
     * @param problems told of each level that could not be loaded or was refused (the others still load)
     * @throws BackendException when no level at all could be loaded
     */
    ActiveSet load(ModelFamily family, DeviceBackend backend, LatencyProfile profile, Consumer<Problem> problems)
        throws BackendException {
        return load(family, backend, profile, problems, timed -> { });
    }

    /**
     * As {@link #load(ModelFamily, DeviceBackend, LatencyProfile, Consumer)}; {@code latencies} is told every
     * level that passed its checks with the latency it was given (measured, or the profile's), Pareto or not.
     */
    ActiveSet load(ModelFamily family, DeviceBackend backend, LatencyProfile profile, Consumer<Problem> problems,
                   Consumer<List<LevelLatency>> latencies) throws BackendException {
        return load(family, backend, profile, problems, latencies, null);
    }

    /**
     * As {@link #load(ModelFamily, DeviceBackend, LatencyProfile, Consumer, Consumer)}; {@code early} (null = none)
     * is handed a set of one level as soon as the first level has loaded and passed every check, the sample check
     * included, before the others load. That set holds a handle of its own on the level's session: whoever
     * receives it serves it or retires it.
     */
    ActiveSet load(ModelFamily family, DeviceBackend backend, LatencyProfile profile, Consumer<Problem> problems,
                   Consumer<List<LevelLatency>> latencies, Consumer<ActiveSet> early) throws BackendException {
        LevelCheck check = LevelCheck.of(family, sampleSize, sampleTolerancePct, problems);
        List<ResidentLevel> measured = new ArrayList<>();
        Consumer<ActiveSet> waiting = early;
        for (LevelSpec spec : candidates(family, profile)) {
            if (Thread.currentThread().isInterrupted()) {
                measured.forEach(r -> r.model().close());
                throw new BackendException("loading family '" + family.id() + "' on backend '" + backend.id()
                    + "' was interrupted (the manager is stopping)");
            }
            Prepared prepared = bounded(family.id(), spec.id(), abandoned -> prepare(family, backend, spec, profiled(profile, spec),
                check, abandoned), Prepared::close, problems);
            if (prepared != null && prepared.level() == null) {
                problems.accept(Problems.levelRefused(family.id(), spec.id(), prepared.problem()));
            } else if (prepared != null) {
                measured.add(prepared.level());
                if (waiting != null && earlySet(family, backend, prepared.level(), check, problems, waiting)) {
                    waiting = null;
                }
            }
        }
        List<ResidentLevel> front = sampleCheckedFront(family, measured, check, problems);
        if (front.isEmpty()) {
            throw new BackendException("no level of family '" + family.id() + "' could be loaded on backend '"
                + backend.id() + "'");
        }
        latencies.accept(measured.stream().map(this::latencyOf).toList());
        measured.stream().filter(r -> !front.contains(r)).forEach(r -> r.model().close());
        List<ResidentLevel> indexed = new ArrayList<>();
        for (int i = 0; i < front.size(); i++) {
            indexed.add(front.get(i).withIndex(i));
        }
        return new ActiveSet(family, backend, indexed);
    }

    /**
     * Hands {@code early} a set of {@code level} alone, on a handle of its own, once the level passed its sample
     * check ({@link #sampleCheck}: remembered, so the front's check does not repeat it); false when it did not
     * pass or the handle could not be had (the level is then checked with the front as usual).
     */
    private boolean earlySet(ModelFamily family, DeviceBackend backend, ResidentLevel level, LevelCheck check,
                             Consumer<Problem> problems, Consumer<ActiveSet> early) {
        Optional<String> refusal = sampleCheck(family, level, check, late -> { }, problems);
        if (refusal == null || refusal.isPresent()) {
            return false;
        }
        LoadedModel handle;
        try {
            Optional<LoadedModel> shared = models.another(level.model());
            handle = shared.isPresent() ? shared.get()
                : models.load(backend, family.id() + "/" + level.spec().id(), family.model(level.spec().id()));
        } catch (IOException | BackendException | RuntimeException e) {
            return false;
        }
        early.accept(new ActiveSet(family, backend, List.of(new ResidentLevel(level.level(), level.spec(), handle,
            level.profiledNanos()).withIndex(0))));
        return true;
    }

    /** The figures a level was given, as a profile holds them (the median only: p95 and deviation unknown). */
    private LevelLatency latencyOf(ResidentLevel r) {
        LevelSpec spec = r.spec();
        double ms = r.level().latencyMs();
        return new LevelLatency(spec.id(), spec.series(), spec.top1(), spec.macs(), ms, ms, 0, profileRuns,
            spec.sha256());
    }

    /**
     * The Pareto front of {@code measured} whose every level passed the sample check. Only levels on the front
     * are checked (the check classifies images, the costliest part of loading): a level that fails is refused,
     * closed and removed from {@code measured}, and the front is taken again, which may bring in a level it
     * had hidden, checked in turn.
     */
    private List<ResidentLevel> sampleCheckedFront(ModelFamily family, List<ResidentLevel> measured, LevelCheck check,
                                                   Consumer<Problem> problems) {
        Set<ResidentLevel> passed = new HashSet<>();
        while (true) {
            List<ResidentLevel> front = LatencyProfile.paretoFront(measured, r -> r.level().latencyMs(),
                r -> r.level().top1());
            ResidentLevel unchecked = front.stream().filter(r -> !passed.contains(r)).findFirst().orElse(null);
            if (unchecked == null) {
                return front;
            }
            String levelId = unchecked.spec().id();
            Optional<String> refusal = sampleCheck(family, unchecked, check, late -> unchecked.model().close(),
                problems);
            if (refusal != null && refusal.isEmpty()) {
                passed.add(unchecked);
            } else {
                measured.remove(unchecked);
                if (refusal != null) {
                    unchecked.model().close();
                    problems.accept(Problems.levelRefused(family.id(), levelId, "refused: " + refusal.get()));
                }
            }
        }
    }

    /**
     * The level's labelled sample check, once per file: empty when it passed, now or before (remembered in the
     * shared {@link SampleChecks}); the refusal; or null when it took longer than the bound or failed (named in
     * {@code problems}; {@code late} gets the result once it ends).
     */
    private Optional<String> sampleCheck(ModelFamily family, ResidentLevel level, LevelCheck check,
                                         Consumer<Optional<String>> late, Consumer<Problem> problems) {
        String sha256 = level.spec().sha256();
        if (check.sampleSize() == 0 || sampleChecks.passed(sha256, check.sampleSize(), sampleTolerancePct)) {
            return Optional.empty();
        }
        Optional<String> refusal = bounded(family.id(), level.spec().id(), abandoned -> check.sampleRefusal(
            level.spec(), level.model(), abandoned), late, problems);
        if (refusal != null && refusal.isEmpty()) {
            sampleChecks.pass(sha256, check.sampleSize(), sampleTolerancePct);
        }
        return refusal;
    }

    /**
     * The levels worth loading: of those the profile measured as they are now, only its Pareto front; every
     * level it did not (new, changed, or no profile) to be measured here.
     */
    private static List<LevelSpec> candidates(ModelFamily family, LatencyProfile profile) {
        List<LevelSpec> profiled = family.levels().stream().filter(s -> profiled(profile, s) != null).toList();
        List<LevelSpec> front = LatencyProfile.paretoFront(profiled, s -> profiled(profile, s).medianMs(),
            LevelSpec::top1);
        return family.levels().stream().filter(s -> front.contains(s) || profiled(profile, s) == null).toList();
    }

    /**
     * Runs {@code task} on a thread of its own and waits for it up to the level time bound. Null, with a
     * problem, when it took longer (then {@code late} gets its result once it ends, to release it; the task
     * sees {@code abandoned} turn true and should stop early) or failed.
     */
    private <T> T bounded(String familyId, String levelId, Function<BooleanSupplier, T> task, Consumer<T> late,
                          Consumer<Problem> problems) {
        AtomicBoolean abandoned = new AtomicBoolean();
        CompletableFuture<T> attempt = CompletableFuture.supplyAsync(() -> task.apply(abandoned::get),
            thread.executor());
        try {
            return attempt.get(levelTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandoned.set(true);
            thread.abandon();
            attempt.thenAccept(late);
            problems.accept(Problems.levelRefused(familyId, levelId, "refused: loading, checking and timing it took "
                + "longer than " + levelTimeoutMs + " ms (levelLoadTimeoutMs)"));
            return null;
        } catch (ExecutionException e) {
            problems.accept(Problems.levelRefused(familyId, levelId, "refused: " + e.getCause()));
            return null;
        } catch (InterruptedException e) {
            abandoned.set(true);
            thread.abandon();
            attempt.thenAccept(late);
            Thread.currentThread().interrupt();
            problems.accept(Problems.levelRefused(familyId, levelId, "refused: interrupted while loading"));
            return null;
        }
    }

    /** A level ready to serve, or why not. */
    private record Prepared(ResidentLevel level, String problem) {
        void close() {
            if (level != null) {
                level.model().close();
            }
        }
    }

    private Prepared prepare(ModelFamily family, DeviceBackend backend, LevelSpec spec, LevelLatency profiled,
                             LevelCheck check, BooleanSupplier abandoned) {
        LoadedModel model;
        long opening = System.nanoTime();
        try {
            model = models.load(backend, family.id() + "/" + spec.id(), family.model(spec.id()));
        } catch (IOException | BackendException | RuntimeException e) {
            return new Prepared(null, "refused: " + e.getMessage());
        }
        pace.rest(System.nanoTime() - opening);
        Optional<String> refusal = check.refusal(model);
        if (refusal.isPresent()) {
            model.close();
            return new Prepared(null, "refused: " + refusal.get());
        }
        try {
            Tensor probe = BatchProbe.of(family.input().probe(), profileBatch);
            ResidentLevel level = profiled == null ? measure(spec, model, probe, abandoned)
                : warm(spec, model, probe, profiled.medianMs(), abandoned);
            if (abandoned.getAsBoolean()) {
                model.close();
                return new Prepared(null, "abandoned");
            }
            return new Prepared(level, null);
        } catch (BackendException | RuntimeException e) {
            model.close();
            return new Prepared(null, "refused: it failed while warming up or timing: " + e.getMessage());
        }
    }

    /** Warms the level and takes its latency from the stored profile. */
    private ResidentLevel warm(LevelSpec spec, LoadedModel model, Tensor probe, double profiledMs,
                               BooleanSupplier abandoned) throws BackendException {
        for (int i = 0; i < warmupRuns && !abandoned.getAsBoolean(); i++) {
            pacedRun(model, probe);
        }
        return new ResidentLevel(new Level(-1, spec.id(), spec.top1(), profiledMs), spec, model,
            Math.max(1, Math.round(profiledMs * 1e6)));
    }

    private ResidentLevel measure(LevelSpec spec, LoadedModel model, Tensor probe, BooleanSupplier abandoned)
        throws BackendException {
        for (int i = 0; i < warmupRuns && !abandoned.getAsBoolean(); i++) {
            pacedRun(model, probe);
        }
        long[] times = new long[profileRuns];
        for (int i = 0; i < profileRuns && !abandoned.getAsBoolean(); i++) {
            times[i] = pacedRun(model, probe);
        }
        long median = Math.max(1, Math.round(Stats.median(times, times.length)));
        return new ResidentLevel(new Level(-1, spec.id(), spec.top1(), median / 1e6), spec, model, median);
    }

    /** One run, then the pace's rest; returns how long the run took. */
    private long pacedRun(LoadedModel model, Tensor probe) throws BackendException {
        long t0 = System.nanoTime();
        model.run(probe);
        long took = System.nanoTime() - t0;
        pace.rest(took);
        return took;
    }
}
