package io.dynofa.family.provider.internal;

import io.dynofa.family.api.ModelFamily;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/** Offers families as {@link ModelFamily} services carrying their id and version. */
final class ServiceFamilyRegistry implements FamilyRegistry {
    static final String FAMILY_VERSION = "dynofa.family.version";

    private final BundleContext context;

    ServiceFamilyRegistry(BundleContext context) {
        this.context = context;
    }

    @Override
    public Registration register(ModelFamily family) {
        ServiceRegistration<ModelFamily> registration = context.registerService(ModelFamily.class, family,
            FrameworkUtil.asDictionary(Map.of(ModelFamily.FAMILY_ID, family.id(), FAMILY_VERSION, family.version())));
        return () -> {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyUnregistered) {
                // the framework withdraws a stopping bundle's services itself
            }
        };
    }
}
