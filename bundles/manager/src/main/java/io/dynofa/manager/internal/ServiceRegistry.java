package io.dynofa.manager.internal;

import io.dynofa.runtime.api.Problem;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Bound services of one kind, by id. Several services may offer one id (an old and a new version side by
 * side): they are kept in the OSGi order (highest {@code service.ranking}, then lowest {@code service.id}),
 * the first is the one used, and when it goes away the next takes over. Ids are sorted, so choices among
 * equals are stable. Thread-safe: DS threads bind, every reader sees a consistent snapshot.
 */
final class ServiceRegistry<T> {
    private static final System.Logger LOG = System.getLogger(ServiceRegistry.class.getName());

    /** A registration before and after its service properties changed (before is null if it was unknown). */
    record Update<T>(Registration<T> before, Registration<T> after) {
    }

    private final ServiceKind<T> kind;
    private volatile List<Registration<T>> entries = List.of();

    ServiceRegistry(ServiceKind<T> kind) {
        this.kind = kind;
    }

    /**
     * Binds {@code service}; binding one already bound (SCR can deliver a service registered while the component
     * activates twice) replaces its registration instead of standing it beside itself.
     */
    Registration<T> add(T service, Map<String, ?> properties) {
        return update(service, properties).after();
    }

    /** Forgets the registration of {@code service}; returns it, or null when it was not bound. */
    synchronized Registration<T> remove(T service, Map<String, ?> properties) {
        List<Registration<T>> next = new ArrayList<>(entries);
        Registration<T> removed = removed(next, service, properties);
        entries = List.copyOf(next);
        return removed;
    }

    /**
     * Replaces the registration of {@code service} after its service properties changed, in one step: no reader
     * sees the service missing in between.
     */
    synchronized Update<T> update(T service, Map<String, ?> properties) {
        List<Registration<T>> next = new ArrayList<>(entries);
        Registration<T> before = removed(next, service, properties);
        Registration<T> after = added(next, service, properties);
        entries = List.copyOf(next);
        return new Update<>(before, after);
    }

    private Registration<T> added(List<Registration<T>> next, T service, Map<String, ?> properties) {
        Registration<T> added = Registration.of(kind, service, properties);
        next.add(added);
        next.sort(Registration.ORDER);
        if (added.problem() != null) {
            LOG.log(Level.WARNING, added.problem());
        }
        List<Registration<T>> offering = next.stream().filter(r -> added.id() != null && added.id().equals(r.id()))
            .toList();
        if (offering.size() > 1) {
            LOG.log(Level.INFO, kind.noun() + " '" + added.id() + "' is offered by " + offering.size()
                + " services; using " + describe(offering.get(0)));
        }
        return added;
    }

    private static <T> Registration<T> removed(List<Registration<T>> next, T service, Map<String, ?> properties) {
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).isFor(service, properties)) {
                return next.remove(i);
            }
        }
        return null;
    }

    /** The service used for {@code id}: the first in service order; null when none offers it. */
    T get(String id) {
        Registration<T> first = first(id);
        return first == null ? null : first.service();
    }

    /** The service properties of the service used for {@code id}; empty when none offers it. */
    Map<String, Object> properties(String id) {
        Registration<T> first = first(id);
        return first == null ? Map.of() : first.properties();
    }

    List<String> ids() {
        return named().stream().map(Registration::id).distinct().toList();
    }

    /** The service used for each id, in id order. */
    List<T> values() {
        List<T> used = new ArrayList<>();
        String last = null;
        for (Registration<T> r : named()) {
            if (!r.id().equals(last)) {
                used.add(r.service());
                last = r.id();
            }
        }
        return used;
    }

    /** Every registration with an id, the ones standing by included, in id and then service order. */
    List<Registration<T>> all() {
        return named();
    }

    boolean isEmpty() {
        return named().isEmpty();
    }

    /** Services not known by their service property, for status. */
    List<Problem> problems() {
        return entries.stream().filter(r -> r.problem() != null)
            .map(r -> Problems.of(Problem.SERVICE_UNNAMED, r.id(), r.problem())).toList();
    }

    private Registration<T> first(String id) {
        if (id == null) {
            return null;
        }
        return entries.stream().filter(r -> id.equals(r.id())).findFirst().orElse(null);
    }

    private List<Registration<T>> named() {
        return entries.stream().filter(r -> r.id() != null).toList();
    }

    private static String describe(Registration<?> r) {
        return r == null ? "none" : "service " + r.serviceId() + " (ranking " + r.ranking() + ", "
            + r.original().getClass().getName() + ")";
    }
}
