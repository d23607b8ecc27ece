package io.dynofa.itests.plugin;

import io.dynofa.backend.api.BackendException;
import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.backend.api.LoadedModel;
import io.dynofa.family.api.LevelSpec;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.family.api.Sample;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.TensorSpec;
import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.api.SwitchingPolicy;
import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * The activator of the plug-in bundles the same-name ITs build (see {@code PluginBundle}): it registers, as its
 * manifest headers say, a policy, a backend and a family under ids that other bundles offer too, so that two
 * bundles offer one id side by side. Headers: {@value #RANKING} (the services' {@code service.ranking}),
 * {@value #POLICY} (a policy of that name that always stays, its reason naming this bundle), {@value #BACKEND}
 * (a backend of that id running on the gateway's own backend of that id, its description starting with this
 * bundle's symbolic name), {@value #FAMILY} (a family of that id reading the gateway's own family of that id)
 * and {@value #FAMILY_LEVELS} (the comma-separated levels that family offers).
 */
public final class SameIdActivator implements BundleActivator {
    public static final String RANKING = "Dynofa-Test-Ranking";
    public static final String POLICY = "Dynofa-Test-Policy";
    public static final String BACKEND = "Dynofa-Test-Backend";
    public static final String FAMILY = "Dynofa-Test-Family";
    public static final String FAMILY_LEVELS = "Dynofa-Test-Family-Levels";
    /** Service property marking the services these bundles register. */
    public static final String ORIGIN = "dynofa.test.origin";

    @Override
    public void start(BundleContext context) throws Exception {
        Dictionary<String, String> headers = context.getBundle().getHeaders();
        String origin = context.getBundle().getSymbolicName();
        int ranking = Integer.parseInt(headers.get(RANKING));
        String policy = headers.get(POLICY);
        if (policy != null) {
            context.registerService(SwitchingPolicy.class, new StayingPolicy(policy, "decided by " + origin),
                properties(SwitchingPolicy.POLICY_NAME, policy, ranking, origin));
        }
        String backend = headers.get(BACKEND);
        if (backend != null) {
            DeviceBackend own = gatewayService(context, DeviceBackend.class, DeviceBackend.BACKEND_ID, backend);
            context.registerService(DeviceBackend.class, new DelegatingBackend(own, origin),
                properties(DeviceBackend.BACKEND_ID, backend, ranking, origin));
        }
        String family = headers.get(FAMILY);
        if (family != null) {
            ModelFamily own = gatewayService(context, ModelFamily.class, ModelFamily.FAMILY_ID, family);
            context.registerService(ModelFamily.class, new SubsetFamily(own, List.of(headers.get(FAMILY_LEVELS)
                .split(","))), properties(ModelFamily.FAMILY_ID, family, ranking, origin));
        }
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the services
    }

    private static Dictionary<String, Object> properties(String idProperty, String id, int ranking, String origin) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(idProperty, id);
        properties.put(Constants.SERVICE_RANKING, ranking);
        properties.put(ORIGIN, origin);
        return properties;
    }

    private static <T> T gatewayService(BundleContext context, Class<T> type, String idProperty, String id)
        throws Exception {
        for (ServiceReference<T> ref : context.getServiceReferences(type, "(&(" + idProperty + "=" + id + ")(!("
            + ORIGIN + "=*)))")) {
            T service = context.getService(ref);
            if (service != null) {
                return service;
            }
        }
        throw new IllegalStateException("the gateway offers no " + type.getSimpleName() + " '" + id + "'");
    }

    /** Always stays, giving {@code reason}. */
    static final class StayingPolicy implements SwitchingPolicy {
        private final String name;
        private final String reason;

        StayingPolicy(String name, String reason) {
            this.name = name;
            this.reason = reason;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Decision decide(PolicyContext context) {
            return Decision.stay(reason);
        }
    }

    /** Runs on another backend; its description starts with the bundle that registered it. */
    static final class DelegatingBackend implements DeviceBackend {
        private final DeviceBackend backend;
        private final String origin;

        DelegatingBackend(DeviceBackend backend, String origin) {
            this.backend = backend;
            this.origin = origin;
        }

        @Override
        public String id() {
            return backend.id();
        }

        @Override
        public String description() {
            return origin + ": " + backend.description();
        }

        @Override
        public Optional<String> unavailableReason() {
            return backend.unavailableReason();
        }

        @Override
        public LoadedModel load(String name, byte[] model) throws BackendException {
            return backend.load(name, model);
        }
    }

    /** Another family's files, offering only some of its levels. */
    static final class SubsetFamily implements ModelFamily {
        private final ModelFamily family;
        private final List<String> levelIds;

        SubsetFamily(ModelFamily family, List<String> levelIds) {
            this.family = family;
            this.levelIds = List.copyOf(levelIds);
        }

        @Override
        public String id() {
            return family.id();
        }

        @Override
        public String version() {
            return family.version();
        }

        @Override
        public InputSpec input() {
            return family.input();
        }

        @Override
        public List<String> labels() {
            return family.labels();
        }

        @Override
        public List<LevelSpec> levels() {
            return family.levels().stream().filter(l -> levelIds.contains(l.id())).toList();
        }

        @Override
        public byte[] model(String levelId) throws IOException {
            if (!levelIds.contains(levelId)) {
                throw new IllegalArgumentException("no level " + levelId);
            }
            return family.model(levelId);
        }

        @Override
        public Optional<TensorSpec> output() {
            return family.output();
        }

        @Override
        public Optional<Sample> sample() throws IOException {
            return family.sample();
        }
    }
}
