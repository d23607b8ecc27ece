package io.dynofa.manager.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.osgi.framework.Constants;

/**
 * One bound plug-in service as the manager knows it.
 *
 * @param id the id it is known by: its naming service property, else what its own method reports; null when
 *           neither gives one (the service is then not used)
 * @param service the service as the manager uses it (reporting {@code id}, see {@link Renamed})
 * @param original the service object bound (the one an unbind names)
 * @param serviceId its {@code service.id}, -1 when unknown
 * @param ranking its {@code service.ranking} (0 when absent or not an Integer, as in OSGi)
 * @param problem why it is not known by its property (for status), null when it is
 * @param properties its service properties when bound (or last updated)
 */
record Registration<T>(String id, T service, T original, long serviceId, int ranking, String problem,
                       Map<String, Object> properties) {

    /** By id, then the OSGi service order: highest ranking first, then lowest service id. */
    static final Comparator<Registration<?>> ORDER = Comparator.<Registration<?>, String>comparing(Registration::id,
            Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(Comparator.comparingInt((Registration<?> r) -> r.ranking()).reversed())
        .thenComparingLong(Registration::serviceId);

    static <T> Registration<T> of(ServiceKind<T> kind, T service, Map<String, ?> properties) {
        long serviceId = properties.get(Constants.SERVICE_ID) instanceof Number n ? n.longValue() : -1;
        int ranking = properties.get(Constants.SERVICE_RANKING) instanceof Integer i ? i : 0;
        Object named = kind.property() == null ? null : properties.get(kind.property());
        Map<String, Object> copied = copy(properties);
        if (named instanceof String text && !text.isBlank()) {
            String id = text.trim();
            T seen = id.equals(ownId(kind, service)) ? service : kind.renamed().apply(service, id);
            return new Registration<>(id, seen, service, serviceId, ranking, null, copied);
        }
        String own = ownId(kind, service);
        String who = kind.noun() + " service" + (serviceId < 0 ? "" : " " + serviceId) + " ("
            + service.getClass().getName() + ")";
        String missing = kind.property() == null ? null : who + (named == null ? " has no '" + kind.property()
            + "' service property" : " has a '" + kind.property() + "' service property that is not a text ("
            + (named instanceof Object[] values ? Arrays.toString(values) : named) + ")");
        if (own == null) {
            return new Registration<>(null, service, service, serviceId, ranking, (missing == null ? who : missing)
                + " and its " + kind.method() + " gives no id: not used", copied);
        }
        return new Registration<>(own, service, service, serviceId, ranking,
            missing == null ? null : missing + "; known by its " + kind.method() + " '" + own + "'", copied);
    }

    private static Map<String, Object> copy(Map<String, ?> properties) {
        Map<String, Object> copy = new HashMap<>();
        properties.forEach((key, value) -> {
            if (key != null && value != null) {
                copy.put(key, value);
            }
        });
        return Map.copyOf(copy);
    }

    boolean isFor(Object service, Map<String, ?> properties) {
        long otherId = properties.get(Constants.SERVICE_ID) instanceof Number n ? n.longValue() : -1;
        return original == service && (serviceId < 0 || otherId < 0 || serviceId == otherId);
    }

    private static <T> String ownId(ServiceKind<T> kind, T service) {
        try {
            String id = kind.ownId().apply(service);
            return id == null || id.isBlank() ? null : id.trim();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
