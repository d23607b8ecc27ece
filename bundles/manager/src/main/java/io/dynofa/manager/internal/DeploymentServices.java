package io.dynofa.manager.internal;

import io.dynofa.inference.api.InferenceService;
import io.dynofa.runtime.api.Deployments;
import io.dynofa.runtime.api.RuntimeControl;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * A deployment's {@link InferenceService} and {@link RuntimeControl} registration, with the properties that identify
 * it: {@link Deployments#PROPERTY}, {@link Deployments#PRIORITY_PROPERTY} and {@code dynofa.family}. Registered by
 * the deployment itself (not declared to DS) because its name comes from its configuration. Without a bundle
 * context (a manager run outside OSGi) nothing is registered.
 */
final class DeploymentServices {
    static final String FAMILY_PROPERTY = "dynofa.family";

    private final BundleContext context;
    private final String name;
    private final Object service;
    private volatile ServiceRegistration<?> registration;

    DeploymentServices(BundleContext context, String name, Object service) {
        this.context = context;
        this.name = name;
        this.service = service;
    }

    String name() {
        return name;
    }

    void register(ManagerConfig config) {
        if (context != null) {
            registration = context.registerService(new String[] {InferenceService.class.getName(),
                RuntimeControl.class.getName()}, service, properties(config));
        }
    }

    /** New priority or family: the properties follow. */
    void update(ManagerConfig config) {
        ServiceRegistration<?> r = registration;
        if (r != null) {
            try {
                r.setProperties(properties(config));
            } catch (IllegalStateException unregistered) {
                // deactivating: nothing to update
            }
        }
    }

    void unregister() {
        ServiceRegistration<?> r = registration;
        registration = null;
        if (r != null) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping: the framework unregistered it
            }
        }
    }

    private Dictionary<String, Object> properties(ManagerConfig config) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(Deployments.PROPERTY, name);
        p.put(Deployments.PRIORITY_PROPERTY, config.priority());
        p.put(FAMILY_PROPERTY, config.family());
        p.put("service.description", "Dynofa deployment " + name);
        return p;
    }
}
