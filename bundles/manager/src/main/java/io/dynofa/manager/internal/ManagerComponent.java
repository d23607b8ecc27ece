package io.dynofa.manager.internal;

import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.config.internal.ConfigRead;
import io.dynofa.config.internal.ConfigReader;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InferenceResult;
import io.dynofa.inference.api.InferenceService;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Tensor;
import io.dynofa.monitor.api.InferenceListener;
import io.dynofa.monitor.api.Monitor;
import io.dynofa.policy.api.Level;
import io.dynofa.policy.api.SwitchingPolicy;
import io.dynofa.profile.api.ProfileStore;
import io.dynofa.runtime.api.BackendInfo;
import io.dynofa.runtime.api.Deployments;
import io.dynofa.runtime.api.Problem;
import io.dynofa.runtime.api.ProblemSource;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * One deployment of the runtime manager: serves {@link InferenceService} and {@link RuntimeControl} under its name
 * (registered with {@link Deployments#PROPERTY}), binds every plug-in. The DS components {@link RuntimeManager}
 * (the {@code default} deployment) and {@link DeploymentManager} (one per deployment configuration) inherit its
 * references (bnd {@code -dsannotations-options: inherit}); each instance has its own bindings, policies and
 * threads, and shares loaded models with the others through {@link SharedModels}.
 */
abstract class ManagerComponent implements InferenceService, RuntimeControl {
    private static final long EXIT_WAIT_MS = 2_000;
    private static final ConfigReader<ManagerConfig> READER = ConfigReader.of(ManagerConfig.class);

    private final InferenceEngine engine;
    private final Controller controller;
    private final Admission admission;
    private final Thread exitHook = new Thread(this::stopForExit, "dynofa-manager-exit");
    private final DeploymentServices services;
    private final SharedModels shared;
    private final Arbitration arbitration;
    /** The configuration last read, in force for the values a modification cannot use. */
    private volatile ManagerConfig config;

    /**
     * Reads the raw configuration: a value that cannot be converted, is out of its range, or a key the
     * configuration does not have, keeps the value in force and is named among the problems. Then registers the
     * deployment's services (none without a bundle context: a manager run outside OSGi, in tests).
     *
     * @param name the deployment's name, or why the one configured was refused (then the problem is shown)
     */
    ManagerComponent(BundleContext context, Map<String, Object> properties, SharedModels shared,
                     Arbitration arbitration, DeploymentName name) {
        this(context, properties, shared, shared.loads(), arbitration, name);
    }

    /**
     * @param shared the gateway's shared models, null when {@code loads} share nothing (tests)
     * @param arbitration the gateway's arbitration between deployments, null for none (tests)
     */
    ManagerComponent(BundleContext context, Map<String, Object> properties, SharedModels shared, GatewayLoads loads,
                     Arbitration arbitration, DeploymentName name) {
        this.arbitration = arbitration;
        ConfigRead<ManagerConfig> read = READER.read(properties, null);
        config = read.config();
        this.shared = shared;
        engine = new InferenceEngine(name.name());
        controller = new Controller(engine, Settings.of(config), loads, name.name(), arbitration);
        controller.configProblems(withNameProblem(read.details(), name));
        admission = new Admission(engine, controller.settings().limits());
        Runtime.getRuntime().addShutdownHook(exitHook);
        controller.requestReconcile();
        services = new DeploymentServices(context, name.name(), this);
        services.register(config);
    }

    void modified(Map<String, Object> properties, DeploymentName name) {
        ConfigRead<ManagerConfig> read = READER.read(properties, config);
        config = read.config();
        Settings next = Settings.of(config);
        admission.configure(next.limits()); // first: once a new setting shows in status, the limits apply too
        controller.reconfigure(next);
        controller.configProblems(withNameProblem(read.details(), name));
        services.update(config);
    }

    /** The deployment's name. */
    String deployment() {
        return services.name();
    }

    private static List<Problem> withNameProblem(List<Problem> problems, DeploymentName name) {
        if (name.problem() == null) {
            return problems;
        }
        List<Problem> all = new ArrayList<>(problems);
        all.add(name.problem());
        return all;
    }

    void deactivate() {
        services.unregister();
        if (arbitration != null) {
            arbitration.withdraw(services.name());
        }
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting: the hook runs (or has run) stopForExit
        }
        admission.shutdown(EXIT_WAIT_MS);
        controller.shutdown();
    }

    /**
     * The JVM is exiting without the framework stopping first (System.exit, SIGTERM, Ctrl-C): the native
     * libraries' destructors run at exit and crash a thread still inside them, so finish the load in
     * progress, stop serving and wait (up to {@value #EXIT_WAIT_MS} ms) for in-flight requests to return
     * and the models to close.
     */
    void stopForExit() {
        admission.shutdown(EXIT_WAIT_MS);
        List<ActiveSet> retired = controller.shutdown();
        long deadline = System.nanoTime() + EXIT_WAIT_MS * 1_000_000L;
        try {
            while (!retired.stream().allMatch(ActiveSet::isClosed) && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Reference(service = DeviceBackend.class, cardinality = ReferenceCardinality.MULTIPLE,
        policy = ReferencePolicy.DYNAMIC, updated = "updatedBackend")
    void bindBackend(DeviceBackend backend, Map<String, Object> properties) {
        controller.bound(ServiceKind.BACKEND, backend, properties);
    }

    void updatedBackend(DeviceBackend backend, Map<String, Object> properties) {
        controller.updated(ServiceKind.BACKEND, backend, properties);
    }

    void unbindBackend(DeviceBackend backend, Map<String, Object> properties) {
        controller.unbound(ServiceKind.BACKEND, backend, properties);
    }

    @Reference(service = ModelFamily.class, cardinality = ReferenceCardinality.MULTIPLE,
        policy = ReferencePolicy.DYNAMIC, updated = "updatedFamily")
    void bindFamily(ModelFamily family, Map<String, Object> properties) {
        controller.bound(ServiceKind.FAMILY, family, properties);
    }

    void updatedFamily(ModelFamily family, Map<String, Object> properties) {
        controller.updated(ServiceKind.FAMILY, family, properties);
    }

    void unbindFamily(ModelFamily family, Map<String, Object> properties) {
        controller.unbound(ServiceKind.FAMILY, family, properties);
    }

    @Reference(service = SwitchingPolicy.class, cardinality = ReferenceCardinality.MULTIPLE,
        policy = ReferencePolicy.DYNAMIC, updated = "updatedPolicy")
    void bindPolicy(SwitchingPolicy policy, Map<String, Object> properties) {
        controller.bound(ServiceKind.POLICY, policy, properties);
    }

    void updatedPolicy(SwitchingPolicy policy, Map<String, Object> properties) {
        controller.updated(ServiceKind.POLICY, policy, properties);
    }

    void unbindPolicy(SwitchingPolicy policy, Map<String, Object> properties) {
        controller.unbound(ServiceKind.POLICY, policy, properties);
    }

    @Reference(service = Monitor.class, cardinality = ReferenceCardinality.MULTIPLE,
        policy = ReferencePolicy.DYNAMIC, updated = "updatedMonitor")
    void bindMonitor(Monitor monitor, Map<String, Object> properties) {
        controller.bound(ServiceKind.MONITOR, monitor, properties);
    }

    void updatedMonitor(Monitor monitor, Map<String, Object> properties) {
        controller.updated(ServiceKind.MONITOR, monitor, properties);
    }

    void unbindMonitor(Monitor monitor, Map<String, Object> properties) {
        controller.unbound(ServiceKind.MONITOR, monitor, properties);
    }

    /** Plug-ins' own problems (rejected configuration values, ...), listed in status with their source. */
    @Reference(service = ProblemSource.class, cardinality = ReferenceCardinality.MULTIPLE,
        policy = ReferencePolicy.DYNAMIC, updated = "updatedProblemSource")
    void bindProblemSource(ProblemSource source, Map<String, Object> properties) {
        controller.bound(ServiceKind.PROBLEM_SOURCE, source, properties);
    }

    void updatedProblemSource(ProblemSource source, Map<String, Object> properties) {
        controller.updated(ServiceKind.PROBLEM_SOURCE, source, properties);
    }

    void unbindProblemSource(ProblemSource source, Map<String, Object> properties) {
        controller.unbound(ServiceKind.PROBLEM_SOURCE, source, properties);
    }

    /**
     * Stored device profiles: when one matches the active family and backend, its latencies and Pareto
     * levels are used instead of measuring on load; a new revision (a profile saved) reloads the levels.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY, updated = "updatedProfiles")
    void bindProfiles(ProfileStore store) {
        controller.profilesBound(store);
    }

    void updatedProfiles(ProfileStore store) {
        controller.profilesUpdated(store);
    }

    void unbindProfiles(ProfileStore store) {
        controller.profilesUnbound(store);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindListener(InferenceListener listener) {
        engine.addListener(listener);
    }

    void unbindListener(InferenceListener listener) {
        engine.removeListener(listener);
    }

    Admission admission() {
        return admission;
    }

    @Override
    public InferenceResult infer(Tensor input) throws InferenceException {
        return admission.infer(input);
    }

    @Override
    public CompletableFuture<InferenceResult> inferAsync(Tensor input) {
        return admission.inferAsync(input, Long.MAX_VALUE); // the request timeout applies
    }

    @Override
    public CompletableFuture<InferenceResult> inferAsync(Tensor input, Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            return CompletableFuture.failedFuture(new InferenceException(InferenceException.Reason.INVALID_INPUT,
                "the timeout must be positive, got " + timeout));
        }
        // the request timeout (at most a minute) bounds it anyway; this only avoids overflowing the nanoseconds
        long nanos = timeout.compareTo(Duration.ofHours(1)) > 0 ? Long.MAX_VALUE : timeout.toNanos();
        return admission.inferAsync(input, nanos);
    }

    @Override
    public Optional<InputSpec> inputSpec() {
        return Optional.ofNullable(engine.inputSpec());
    }

    @Override
    public RuntimeStatus status() {
        return StatusView.of(engine, controller, services.name(),
            shared == null ? 0 : shared.sharedAmong(controller.residentModels()), controller.arbitration());
    }

    @Override
    public List<Level> levels() {
        ActiveSet set = engine.active();
        return set == null ? List.of() : set.levels();
    }

    @Override
    public List<String> policies() {
        return controller.policyIds();
    }

    @Override
    public List<String> families() {
        return controller.familyIds();
    }

    @Override
    public List<BackendInfo> backends() {
        ActiveSet set = engine.active();
        return controller.backendServices().stream()
            .map(b -> new BackendInfo(b.id(), b.description(), b.unavailableReason().orElse(null),
                set != null && set.backend() == b))
            .toList();
    }

    @Override
    public void setTarget(double targetMs) {
        if (!(targetMs > 0) || Double.isInfinite(targetMs)) {
            throw new IllegalArgumentException("the target must be a positive number of milliseconds, got " + targetMs);
        }
        controller.reconfigure(controller.settings().withTarget(targetMs));
    }

    @Override
    public void choosePolicy(String name) {
        List<String> installed = controller.policyIds();
        if (!installed.contains(name)) {
            throw new IllegalArgumentException("no policy '" + name + "' (installed: " + installed + ")");
        }
        controller.reconfigure(controller.settings().withPolicy(name));
    }

    @Override
    public void pin(String levelId) {
        ActiveSet set = engine.active();
        if (set == null || set.indexOf(levelId) < 0) {
            throw new IllegalArgumentException("no active level '" + levelId + "' (active: "
                + levels().stream().map(Level::id).toList() + ")");
        }
        controller.pin(levelId);
    }

    @Override
    public void unpin() {
        controller.pin(null);
    }
}
