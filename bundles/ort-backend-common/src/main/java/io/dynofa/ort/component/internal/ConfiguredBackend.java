package io.dynofa.ort.component.internal;

import io.dynofa.backend.api.BackendException;
import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.backend.api.LoadedModel;
import io.dynofa.config.internal.ConfiguredComponent;
import io.dynofa.config.internal.LiveConfig;
import io.dynofa.ort.internal.OrtBackend;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.annotation.Annotation;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;
import java.util.function.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * The device backend a backend bundle's component offers, configured by annotation {@code A} (a package of
 * its own, so that bundles which copy {@code io.dynofa.ort.internal} to use ONNX Runtime, the doctor for one,
 * need no configuration code). A modified configuration never unregisters it: a value that cannot be used
 * keeps the one in force (named by its {@code ProblemSource}), and new settings make a new
 * {@link OrtBackend} that the models loaded from then on use, while the models already loaded keep serving
 * as they are. It registers the {@link DeviceBackend} service itself, so that {@code dynofa.backend.id} is
 * always the id in force (Declarative Services would publish the configuration's raw value, or the default
 * for a file that lacks it), with {@code service.description} saying what it is now; both are updated on
 * every change.
 */
public abstract class ConfiguredBackend<A extends Annotation> extends ConfiguredComponent<A, OrtBackend>
    implements DeviceBackend {
    private static final Logger LOG = System.getLogger(ConfiguredBackend.class.getName());

    private final String kind;
    private final ServiceRegistration<DeviceBackend> registration;

    /**
     * @param kind for the log, e.g. {@code CPU}
     * @param make the backend a configuration asks for
     */
    protected ConfiguredBackend(String kind, BundleContext context, LiveConfig<A> config,
                                Function<A, OrtBackend> make) {
        super(config, make);
        this.kind = kind;
        unavailableReason().ifPresentOrElse(
            reason -> LOG.log(Level.WARNING, "{0} backend ''{1}'' is unavailable: {2}", kind, id(), reason),
            () -> LOG.log(Level.INFO, "{0} backend ''{1}'' ready: {2}", kind, id(), description()));
        this.registration = context.registerService(DeviceBackend.class, this, serviceProperties());
    }

    @Override
    protected void replaced(OrtBackend old, OrtBackend now) {
        registration.setProperties(serviceProperties());
        LOG.log(Level.INFO, "{0} backend ''{1}'': models loaded from now on use {2}", kind, id(),
            unavailableReason().orElse(description()));
    }

    @Override
    protected void stopping(OrtBackend last) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping: the framework has withdrawn it
        }
    }

    private Dictionary<String, Object> serviceProperties() {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(DeviceBackend.BACKEND_ID, id());
        properties.put(Constants.SERVICE_DESCRIPTION, description());
        properties.put(DeviceBackend.DEVICE, current().device());
        properties.put(DeviceBackend.THREADS, current().threads());
        return properties;
    }

    @Override
    public String id() {
        return current().id();
    }

    @Override
    public String description() {
        return current().description();
    }

    @Override
    public Optional<String> unavailableReason() {
        return current().unavailableReason();
    }

    @Override
    public LoadedModel load(String name, byte[] model) throws BackendException {
        return current().load(name, model);
    }

    @Override
    public String toString() {
        return current().toString();
    }
}
