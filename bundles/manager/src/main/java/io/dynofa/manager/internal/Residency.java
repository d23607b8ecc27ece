package io.dynofa.manager.internal;

import io.dynofa.policy.api.BackendLevels;
import io.dynofa.profile.api.LatencyProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The active family resident and warm on every usable backend: one {@link ActiveSet} per backend id, with
 * the stored profile its latencies came from (null when measured on load). One of them serves (the engine's
 * active set); the others stand by, so moving to another backend is a reference swap. Thread-safe: the
 * manager thread loads, a DS thread may drop a departed backend's set.
 */
final class Residency {

    /** A resident set and the stored profile it was built from (null: measured on load). */
    record Resident(ActiveSet set, LatencyProfile profile) {
    }

    private final Map<String, Resident> byBackend = new TreeMap<>();
    private long generation;

    synchronized Resident get(String backendId) {
        return byBackend.get(backendId);
    }

    synchronized ActiveSet set(String backendId) {
        Resident r = byBackend.get(backendId);
        return r == null ? null : r.set();
    }

    /** Makes {@code resident} the set of its backend; returns the one it replaced, or null. */
    synchronized ActiveSet put(Resident resident) {
        generation++;
        Resident previous = byBackend.put(resident.set().backendId(), resident);
        return previous == null ? null : previous.set();
    }

    /** Forgets (without retiring) every set that matches; returns them. */
    synchronized List<ActiveSet> removeIf(Predicate<ActiveSet> match) {
        List<ActiveSet> removed = new ArrayList<>();
        byBackend.values().removeIf(r -> {
            if (match.test(r.set())) {
                removed.add(r.set());
                return true;
            }
            return false;
        });
        if (!removed.isEmpty()) {
            generation++;
        }
        return removed;
    }

    synchronized boolean contains(ActiveSet set) {
        Resident r = set == null ? null : byBackend.get(set.backendId());
        return r != null && r.set() == set;
    }

    /** The set of {@code preferredId} if resident, else the first resident set, else null. */
    synchronized ActiveSet preferredOrAny(String preferredId) {
        ActiveSet preferred = set(preferredId);
        if (preferred != null) {
            return preferred;
        }
        return byBackend.isEmpty() ? null : byBackend.values().iterator().next().set();
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
