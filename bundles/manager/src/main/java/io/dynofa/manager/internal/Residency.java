package io.dynofa.manager.internal;

import io.dynofa.policy.api.BackendLevels;
import io.dynofa.profile.api.LatencyProfile;
import io.dynofa.backend.api.LoadedModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The one owner of the serving set: the active family resident and warm on every usable backend (one
 * {@link ActiveSet} per backend id, with the stored profile its latencies came from), and which of them the
 * {@link InferenceEngine} serves. Every change goes through {@link #put}, {@link #serve}, {@link #retire} and
 * {@link #stopServing}: a set leaves service and is retired in one step, so a retired set is never served and a
 * set that leaves the residency is always retired. The manager thread loads and serves, the decision thread serves; a DS thread
 * retires the sets of a backend or family that went away (before its unbind returns). Thread-safe.
 */
final class Residency {

    /**
     * A resident set, the stored profile it was built from (null: measured on load) and the items per request its
     * levels were timed at.
     */
    record Resident(ActiveSet set, LatencyProfile profile, int batch) {
    }

    private final InferenceEngine engine;
    private final Map<String, Resident> byBackend = new TreeMap<>();
    private long generation;

    Residency(InferenceEngine engine) {
        this.engine = engine;
    }

    /** The set serving now, or null. */
    ActiveSet serving() {
        return engine.active();
    }

    synchronized Resident get(String backendId) {
        return byBackend.get(backendId);
    }

    synchronized ActiveSet set(String backendId) {
        Resident r = byBackend.get(backendId);
        return r == null ? null : r.set();
    }

    /** Makes {@code resident} the set of its backend; the set it replaces is retired, served by the new one first. */
    synchronized void put(Resident resident) {
        generation++;
        Resident previous = byBackend.put(resident.set().backendId(), resident);
        if (previous != null && previous.set() != resident.set()) {
            if (engine.active() == previous.set()) {
                engine.publish(resident.set(), "");
            }
            previous.set().retire();
        }
    }

    /**
     * Serves {@code next} unless it has been retired meanwhile (then nothing changes); the set it replaces is
     * retired unless it is still resident.
     *
     * @return whether {@code next} serves
     */
    synchronized boolean serve(ActiveSet next) {
        if (next.isRetired()) {
            return false;
        }
        ActiveSet previous = engine.active();
        engine.publish(next, "");
        if (previous != null && previous != next && !contains(previous)) {
            previous.retire();
        }
        return true;
    }

    /**
     * Removes and retires every resident set that {@code which} matches, and the serving set if it matches.
     * A retired serving set is replaced by the resident set of {@code preferredId} (or any, or none, for
     * {@code why}) — unless {@code keepServing}: then it keeps serving, out of the residency, until the next
     * {@link #serve} retires it.
     *
     * @return the sets removed, the serving one included when it matched
     */
    synchronized List<ActiveSet> retire(Predicate<ActiveSet> which, boolean keepServing, String preferredId,
                                        String why) {
        List<ActiveSet> gone = new ArrayList<>();
        byBackend.values().removeIf(r -> which.test(r.set()) && gone.add(r.set()));
        if (!gone.isEmpty()) {
            generation++;
        }
        ActiveSet serving = engine.active();
        if (serving != null && which.test(serving) && !gone.contains(serving)) {
            gone.add(serving);
        }
        for (ActiveSet set : gone) {
            if (keepServing && set == serving) {
                continue;
            }
            // the replacement serves before the set is retired: a request that read the old set and finds it
            // retired reads the new one on its next attempt
            if (engine.active() == set) {
                engine.publish(preferredOrAny(preferredId), why);
            }
            set.retire();
        }
        return gone;
    }

    /**
     * Serves {@code early} (a set outside the residency) while nothing serves; otherwise retires it. The next
     * {@link #serve} retires it when it replaces it.
     *
     * @return whether it serves
     */
    synchronized boolean serveIfIdle(ActiveSet early) {
        if (engine.active() != null) {
            early.retire();
            return false;
        }
        engine.publish(early, "");
        return true;
    }

    /** Retires every set and serves nothing, for {@code why}; returns the sets retired. */
    synchronized List<ActiveSet> stopServing(String why) {
        ActiveSet last = engine.active();
        List<ActiveSet> retired = retire(set -> true, false, null, why);
        engine.publish(null, why);
        if (last != null && !retired.contains(last)) {
            last.retire();
            retired.add(last);
        }
        return retired;
    }

    synchronized boolean contains(ActiveSet set) {
        Resident r = set == null ? null : byBackend.get(set.backendId());
        return r != null && r.set() == set;
    }

    /** The set of {@code preferredId} if resident, else the first resident set, else null. */
    synchronized ActiveSet preferredOrAny(String preferredId) {
        ActiveSet preferred = preferredId == null ? null : set(preferredId);
        if (preferred != null) {
            return preferred;
        }
        return byBackend.isEmpty() ? null : byBackend.values().iterator().next().set();
    }

    /** The models of every resident set (and of the serving one). */
    synchronized List<LoadedModel> models() {
        List<LoadedModel> all = new ArrayList<>();
        Set<ActiveSet> sets = new LinkedHashSet<>();
        byBackend.values().forEach(r -> sets.add(r.set()));
        if (engine.active() != null) {
            sets.add(engine.active());
        }
        for (ActiveSet set : sets) {
            for (int i = 0; i < set.size(); i++) {
                all.add(set.level(i).model());
            }
        }
        return all;
    }

    /** Changes whenever a set is added, replaced or removed (policies reset then). */
    synchronized long generation() {
        return generation;
    }

    /** Every resident set's levels, for the policy. */
    synchronized List<BackendLevels> backendLevels(String preferredId) {
        List<BackendLevels> all = new ArrayList<>();
        for (Resident r : byBackend.values()) {
            ActiveSet set = r.set();
            all.add(new BackendLevels(set.backendId(), set.levels(), set.current(), set.backendId().equals(preferredId)));
        }
        return all;
    }
}
