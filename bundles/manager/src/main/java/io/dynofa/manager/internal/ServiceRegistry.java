package io.dynofa.manager.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** Bound services of one kind, by id (sorted, so choices among equals are stable). */
final class ServiceRegistry<T> {
    private final Map<String, T> byId = new ConcurrentSkipListMap<>();

    void add(String id, T service) {
        byId.put(id, service);
    }

    /** Removes {@code service} if it is the one bound under {@code id}. */
    boolean remove(String id, T service) {
        return byId.remove(id, service);
    }

    T get(String id) {
        return id == null ? null : byId.get(id);
    }

    List<String> ids() {
        return new ArrayList<>(byId.keySet());
    }

    List<T> values() {
        return new ArrayList<>(byId.values());
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }
}
