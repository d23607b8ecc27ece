package io.dynofa.demo.internal;

import io.dynofa.inference.api.InferenceService;
import io.dynofa.runtime.api.Deployments;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.osgi.framework.Constants;

/**
 * The inference services bound to a camera, and the one it sends to: the first, in service order (highest
 * {@code service.ranking}, then lowest {@code service.id}, then first bound), of those of its deployment, the
 * services whose {@link Deployments#PROPERTY} names it. A service without that property belongs to the
 * {@link Deployments#DEFAULT default} deployment (a runtime that predates deployments), as if the camera's filter
 * were {@code (|(dynofa.deployment=default)(!(dynofa.deployment=*)))}. Thread-safe: DS threads bind, the camera
 * thread reads {@link #current()} without a lock.
 */
final class InferenceChoice {
    private static final Comparator<Bound> ORDER = Comparator.comparingInt(Bound::ranking).reversed()
        .thenComparingLong(Bound::serviceId).thenComparingLong(Bound::bindOrder);

    /** A bound service and what its properties say. */
    private record Bound(InferenceService service, List<String> deployments, int ranking, long serviceId,
                         long bindOrder) {
    }

    private final List<Bound> bound = new ArrayList<>();
    private long binds;
    private String deployment;
    private volatile InferenceService current;

    InferenceChoice(String deployment) {
        this.deployment = Objects.requireNonNull(deployment);
    }

    /** The service frames go to now; null when none of the deployment is bound. */
    InferenceService current() {
        return current;
    }

    synchronized String deployment() {
        return deployment;
    }

    /** Sends to a service of {@code name} from now on. */
    synchronized void deployment(String name) {
        deployment = Objects.requireNonNull(name);
        choose();
    }

    synchronized void bind(InferenceService service, Map<String, ?> properties) {
        bound.add(new Bound(service, deploymentsOf(properties), ranking(properties), serviceId(properties), binds++));
        choose();
    }

    /** The service's properties changed (its deployment or ranking, say). */
    synchronized void update(InferenceService service, Map<String, ?> properties) {
        for (int i = 0; i < bound.size(); i++) {
            Bound b = bound.get(i);
            if (b.service() == service) {
                bound.set(i, new Bound(service, deploymentsOf(properties), ranking(properties), serviceId(properties),
                    b.bindOrder()));
            }
        }
        choose();
    }

    synchronized void unbind(InferenceService service) {
        bound.removeIf(b -> b.service() == service);
        choose();
    }

    private void choose() {
        current = bound.stream().filter(b -> b.deployments().contains(deployment)).min(ORDER)
            .map(Bound::service).orElse(null);
    }

    /** The deployments the property names (a text, or texts); the default one when it is absent. */
    static List<String> deploymentsOf(Map<String, ?> properties) {
        Object value = properties.get(Deployments.PROPERTY);
        if (value == null) {
            return List.of(Deployments.DEFAULT);
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (value instanceof Object[] values) {
            return Arrays.stream(values).map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    private static int ranking(Map<String, ?> properties) {
        return properties.get(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0;
    }

    private static long serviceId(Map<String, ?> properties) {
        return properties.get(Constants.SERVICE_ID) instanceof Long id ? id : Long.MAX_VALUE;
    }
}
