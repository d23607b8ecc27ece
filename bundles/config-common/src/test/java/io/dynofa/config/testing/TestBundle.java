package io.dynofa.config.testing;

import io.dynofa.runtime.api.Problem;
import io.dynofa.runtime.api.ProblemSource;
import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * For the unit tests of configurable components: a {@link BundleContext} whose {@code registerService}
 * keeps the services registered (until unregistered, with their properties as last set) so a test can
 * read them, the {@link ProblemSource}s' problems above all; no other method works.
 */
@SuppressWarnings("unchecked")
public final class TestBundle {
    /** A service registered now and its properties. */
    public record Registered(Object service, Dictionary<String, ?> properties) {
    }

    private final List<Registered> services = new CopyOnWriteArrayList<>();
    private final BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
            if (method.getName().equals("registerService") && args.length == 3) {
                Registered registered = new Registered(args[1], (Dictionary<String, ?>) args[2]);
                services.add(registered);
                return registration(registered);
            }
            throw new UnsupportedOperationException(method.toString());
        });

    public BundleContext context() {
        return context;
    }

    /** Every problem of the problem sources registered now. */
    public List<String> problems() {
        return services.stream().filter(r -> r.service() instanceof ProblemSource)
            .flatMap(r -> ((ProblemSource) r.service()).problems().stream()).toList();
    }

    /** Every problem of the problem sources registered now, with its code and subject. */
    public List<Problem> details() {
        return services.stream().filter(r -> r.service() instanceof ProblemSource)
            .flatMap(r -> ((ProblemSource) r.service()).details().stream()).toList();
    }

    /** How many problem sources are registered now. */
    public int sources() {
        return (int) services.stream().filter(r -> r.service() instanceof ProblemSource).count();
    }

    /** The services registered now that are of {@code type}. */
    public List<Registered> services(Class<?> type) {
        return services.stream().filter(r -> type.isInstance(r.service())).toList();
    }

    private ServiceRegistration<?> registration(Registered registered) {
        Registered[] now = {registered};
        return (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ServiceRegistration.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "unregister":
                        if (!services.remove(now[0])) {
                            throw new IllegalStateException("already unregistered");
                        }
                        return null;
                    case "setProperties":
                        Registered next = new Registered(now[0].service(), (Dictionary<String, ?>) args[0]);
                        services.set(services.indexOf(now[0]), next);
                        now[0] = next;
                        return null;
                    default:
                        throw new UnsupportedOperationException(method.toString());
                }
            });
    }
}
