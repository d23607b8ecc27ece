package io.dynofa.profiler.internal;

import io.dynofa.config.internal.ConfigReader;
import io.dynofa.config.internal.LiveConfig;
import io.dynofa.profile.api.ProfileStore;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Offers the {@link FileProfileStore} of the configured folder as the {@link ProfileStore} service. It registers
 * the service itself (DS cannot change a service's properties after a save) so that every new revision is
 * published as {@link ProfileStore#REVISION}, which makes the runtime reload a family's levels.
 */
@Component(service = {}, immediate = true, configurationPid = ProfileStoreComponent.PID)
@Designate(ocd = ProfilerConfig.class)
public final class ProfileStoreComponent {
    static final String PID = "io.dynofa.profiler";
    private static final ConfigReader<ProfilerConfig> READER = ConfigReader.of(ProfilerConfig.class);

    private final LiveConfig<ProfilerConfig> config;
    private final FileProfileStore store;
    private final ServiceRegistration<ProfileStore> registration;

    @Activate
    public ProfileStoreComponent(BundleContext context, Map<String, Object> properties) {
        config = new LiveConfig<>(context, PID, READER, properties);
        store = new FileProfileStore(Path.of(config.config().profilesDir()), this::publish);
        registration = context.registerService(ProfileStore.class, store, properties());
    }

    @Modified
    void modified(Map<String, Object> properties) {
        if (config.update(properties)) {
            store.moveTo(Path.of(config.config().profilesDir()));
        }
    }

    @Deactivate
    void deactivate() {
        config.close();
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping: the framework has withdrawn it
        }
    }

    /** A new revision: published on the registration (none yet while the constructor is still registering). */
    private synchronized void publish() {
        ServiceRegistration<ProfileStore> r = registration;
        if (r != null) {
            try {
                r.setProperties(properties());
            } catch (IllegalStateException alreadyGone) {
                // deactivated meanwhile
            }
        }
    }

    private Dictionary<String, Object> properties() {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(ProfileStore.REVISION, store.revision());
        props.put("dynofa.profile.dir", store.dir().toAbsolutePath().normalize().toString());
        return props;
    }
}
