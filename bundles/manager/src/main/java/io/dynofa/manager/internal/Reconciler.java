package io.dynofa.manager.internal;

import io.dynofa.backend.api.BackendException;
import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.profile.api.LatencyProfile;
import io.dynofa.profile.api.ProfileStore;
import io.dynofa.runtime.api.Problem;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Brings the {@link Residency} in line with the settings and the bound services, on the manager thread:
 * the family resident on every usable backend (the configured one first, one backend per pass so that
 * decisions run between loads), stale sets (another family, a departed or unusable backend, a new stored
 * profile) replaced or dropped, and the engine serving a resident set — the configured backend's when the
 * configuration changes, otherwise whichever the policy chose.
 */
final class Reconciler {
    private static final System.Logger LOG = System.getLogger(Reconciler.class.getName());

    private final Residency residency;
    private String lastPreferred;
    /** Backends the family could not be loaded on; not retried until the family or the backend changes. */
    private final Set<DeviceBackend> failed = new HashSet<>();
    private ModelFamily failedFamily;

    private final MeasuredProfiles measured;
    private final SampleChecks sampleChecks;
    private final LoaderThread loaderThread = new LoaderThread();

    /** What went wrong loading the family on each backend (refused levels, failures), shown in status. */
    private final Map<String, List<Problem>> loadProblems = new LinkedHashMap<>();

    private final ModelSource models;
    /**
     * The first level the last load served while the others loaded, null when none did (read by status threads):
     * it serves until the load's set replaces it.
     */
    private volatile ActiveSet early;

    /** @param loads where sessions come from and what earlier loads on the gateway measured */
    Reconciler(Residency residency, GatewayLoads loads) {
        this.residency = residency;
        this.models = loads.models();
        this.measured = loads.measured();
        this.sampleChecks = loads.sampleChecks();
    }

    /**
     * One pass. {@code family} and {@code usable} (the configured backend first) are what should be resident.
     *
     * @return true when another pass is needed (more backends to load)
     */
    boolean reconcile(Settings s, ModelFamily family, List<DeviceBackend> usable, ProfileStore store,
                      List<Problem> problems) {
        boolean more = pass(s, family, usable, store);
        loadProblems.values().forEach(problems::addAll);
        return more;
    }

    private boolean pass(Settings s, ModelFamily family, List<DeviceBackend> usable, ProfileStore store) {
        if (family != failedFamily) {
            failed.clear();
            loadProblems.clear();
            failedFamily = family;
        }
        loadProblems.keySet().removeIf(id -> usable.stream().noneMatch(b -> b.id().equals(id)));
        failed.retainAll(usable);
        // the serving one keeps serving until a resident set replaces it (no failed request)
        residency.retire(set -> set.family() != family || !usable.contains(set.backend()), true, null, "");
        for (DeviceBackend backend : usable) {
            // a stored profile was taken at batch 1: at another batch the levels are timed here
            LatencyProfile stored = store == null || s.profileBatch() != 1 ? null : storedProfile(store, family,
                backend);
            Residency.Resident resident = residency.get(backend.id());
            boolean stale = resident != null && (store != null && !Objects.equals(stored, resident.profile())
                || !Objects.equals(resident.set().backendDescription(), backend.description())
                || resident.batch() != s.profileBatch());
            if ((resident == null && !failed.contains(backend)) || stale) {
                List<Problem> problems = new ArrayList<>();
                loadProblems.put(backend.id(), problems);
                if (!load(s, family, backend, stored, problems)) {
                    failed.add(backend);
                }
                serveFromResidency(usable.get(0).id());
                return usable.stream().anyMatch(b -> residency.get(b.id()) == null && !failed.contains(b));
            }
        }
        serveFromResidency(usable.get(0).id());
        return false;
    }

    /** Serves the preferred backend's set after a configuration change or when the served set is gone. */
    private void serveFromResidency(String preferredId) {
        ActiveSet serving = residency.serving();
        boolean preferenceChanged = !preferredId.equals(lastPreferred);
        if (serving != null && residency.contains(serving) && !preferenceChanged) {
            return;
        }
        ActiveSet next = serving != null && !preferenceChanged && residency.set(serving.backendId()) != null
            ? residency.set(serving.backendId()) : residency.preferredOrAny(preferredId);
        if (next != null && residency.serve(next)) {
            lastPreferred = preferredId;
        }
    }

    /**
     * Loads the family on the backend into the residency; false (and a problem) when it could not. Another
     * deployment's load of the same family on the same backend is waited for, and what it measured used.
     */
    private boolean load(Settings s, ModelFamily family, DeviceBackend backend, LatencyProfile stored,
                      List<Problem> problems) {
        synchronized (measured.turn(family, backend, s.profileBatch())) {
            return loadInTurn(s, family, backend, stored, problems);
        }
    }

    private boolean loadInTurn(Settings s, ModelFamily family, DeviceBackend backend, LatencyProfile stored,
                               List<Problem> problems) {
        long t0 = System.nanoTime();
        try {
            LatencyProfile source = stored != null ? stored : measured.find(family, backend, s.profileBatch());
            LoadPace pace = residency.serving() != null ? LoadPace.YIELDING : LoadPace.FULL;
            LevelLoader loader = new LevelLoader(s.warmupRuns(), s.profileRuns(), s.profileBatch(), s.limits(),
                sampleChecks, loaderThread, models, pace);
            ActiveSet next = loader.load(family, backend, source, problems::add,
                latencies -> measured.remember(family, backend, s.profileBatch(), latencies),
                s.serveWhileLoading() && pace == LoadPace.FULL ? this::serveEarly : null);
            next.startAt(Selection.initialLevel(next, s));
            residency.put(new Residency.Resident(next, stored, s.profileBatch()));
            LOG.log(Level.INFO, String.format("family %s resident on backend %s: %d Pareto levels of %d, %s, %.0f ms%s",
                family.id(), backend.id(), next.size(), family.levels().size(), source(source),
                (System.nanoTime() - t0) / 1e6, pace.yielding() ? " (in the background, yielding to serving)" : ""));
            return true;
        } catch (BackendException e) {
            retireEarly(s, e.getMessage());
            problems.add(Problems.of(Problem.FAMILY_FAILED, family.id(), e.getMessage()));
            LOG.log(Level.WARNING, "family " + family.id() + " could not be activated on " + backend.id() + ": "
                + e.getMessage());
            return false;
        } catch (RuntimeException e) {
            retireEarly(s, "loading family " + family.id() + " failed: " + e);
            problems.add(Problems.of(Problem.FAMILY_FAILED, family.id(), "family " + family.id()
                + " could not be activated on " + backend.id() + ": " + e));
            LOG.log(Level.WARNING, "family " + family.id() + " could not be activated on " + backend.id(), e);
            return false;
        }
    }

    /**
     * Serves the first level of a load while nothing serves (else retires it): the full set replaces it once it
     * is resident ({@link #serveFromResidency}).
     */
    private void serveEarly(ActiveSet first) {
        if (residency.serveIfIdle(first)) {
            early = first;
            LOG.log(Level.INFO, String.format("family %s serving its first level %s on backend %s while the others"
                + " load", first.familyId(), first.currentLevel().level().id(), first.backendId()));
        }
    }

    /** Whether the set serving is a load's first level, served while the others load. */
    boolean servingEarly() {
        ActiveSet first = early;
        return first != null && residency.serving() == first;
    }

    /** A load that failed no longer serves its first level: what is resident serves, or nothing. */
    private void retireEarly(Settings s, String why) {
        ActiveSet first = early;
        early = null;
        if (first != null && residency.serving() == first) {
            residency.retire(set -> set == first, false, s.backend(), why);
        }
    }

    /** Ends the thread levels load on (after the level it may be loading). */
    void close() {
        loaderThread.close();
    }

    static String source(LatencyProfile profile) {
        if (profile == null) {
            return "measured on load";
        }
        return (MeasuredProfiles.HOST.equals(profile.host()) ? "levels as this gateway measured them at "
            : "levels from stored profile ") + profile.date();
    }

    private static LatencyProfile storedProfile(ProfileStore store, ModelFamily family, DeviceBackend backend) {
        try {
            return LevelLoader.usable(store.find(family.id(), backend.id()).orElse(null), family, backend);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the profile store failed; measuring on load", e);
            return null;
        }
    }
}
