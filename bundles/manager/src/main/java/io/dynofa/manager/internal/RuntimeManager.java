package io.dynofa.manager.internal;

import io.dynofa.backend.api.DeviceBackend;
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
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/** The runtime manager: serves {@link InferenceService} and {@link RuntimeControl}, binds every plug-in. */
@Component(immediate = true, configurationPid = RuntimeManager.PID, service = {InferenceService.class,
    RuntimeControl.class})
@Designate(ocd = ManagerConfig.class)
public final class RuntimeManager implements InferenceService, RuntimeControl {
    static final String PID = "io.dynofa.runtime";
    private static final long EXIT_WAIT_MS = 2_000;

    private final InferenceEngine engine = new InferenceEngine();
    private final Controller controller;
    private final ExecutorService async;
    private final Thread exitHook = new Thread(this::stopForExit, "dynofa-manager-exit");
    private volatile ProfileStore profileStore;

    @Activate
    public RuntimeManager(ManagerConfig config) {
        List<String> problems = new ArrayList<>();
        controller = new Controller(engine, Settings.of(config, Settings.DEFAULTS, problems));
        controller.configProblems(problems);
        async = Executors.newFixedThreadPool(Math.max(1, config.asyncThreads()),
            DaemonScheduler.daemonThreads("dynofa-infer"));
        Runtime.getRuntime().addShutdownHook(exitHook);
        controller.requestReconcile();
    }

    @Modified
    void modified(ManagerConfig config) {
        List<String> problems = new ArrayList<>();
        controller.reconfigure(Settings.of(config, controller.settings(), problems));
        controller.configProblems(problems);
    }

    @Deactivate
    void deactivate() {
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting: the hook runs (or has run) stopForExit
        }
        async.shutdown();
        controller.shutdown();
    }

    /**
     * The JVM is exiting without the framework stopping first (System.exit, SIGTERM, Ctrl-C): the native
     * libraries' destructors run at exit and crash a thread still inside them, so finish the load in
     * progress, stop serving and wait (up to {@value #EXIT_WAIT_MS} ms) for in-flight requests to return
     * and the models to close.
     */
    void stopForExit() {
        async.shutdownNow();
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

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindBackend(DeviceBackend backend) {
        controller.backends.add(backend.id(), backend);
        controller.requestReconcile();
    }

    void unbindBackend(DeviceBackend backend) {
        controller.backends.remove(backend.id(), backend);
        controller.departed(backend, "backend '" + backend.id() + "' went away");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindFamily(ModelFamily family) {
        controller.families.add(family.id(), family);
        controller.requestReconcile();
    }

    void unbindFamily(ModelFamily family) {
        controller.families.remove(family.id(), family);
        controller.departed(family, "family '" + family.id() + "' was removed");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindPolicy(SwitchingPolicy policy) {
        controller.policies.add(policy.name(), policy);
    }

    void unbindPolicy(SwitchingPolicy policy) {
        controller.policies.remove(policy.name(), policy);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindMonitor(Monitor monitor) {
        controller.monitors.add(monitor.name(), monitor);
    }

    void unbindMonitor(Monitor monitor) {
        controller.monitors.remove(monitor.name(), monitor);
    }

    /**
     * Stored device profiles: when one matches the active family and backend, its latencies and Pareto
     * levels are used instead of measuring on load; a new revision (a profile saved) reloads the levels.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY, updated = "updatedProfiles")
    void bindProfiles(ProfileStore store) {
        profileStore = store;
        controller.profiles(store);
    }

    void updatedProfiles(ProfileStore store) {
        controller.profiles(store);
    }

    void unbindProfiles(ProfileStore store) {
        if (profileStore == store) {
            profileStore = null;
            controller.profiles(null);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindListener(InferenceListener listener) {
        engine.addListener(listener);
    }

    void unbindListener(InferenceListener listener) {
        engine.removeListener(listener);
    }

    @Override
    public InferenceResult infer(Tensor input) throws InferenceException {
        return engine.infer(input);
    }

    @Override
    public CompletableFuture<InferenceResult> inferAsync(Tensor input) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return engine.infer(input);
                } catch (InferenceException e) {
                    throw new CompletionException(e);
                }
            }, async);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new InferenceException(InferenceException.Reason.NOT_READY,
                "the runtime manager is stopping"));
        }
    }

    @Override
    public Optional<InputSpec> inputSpec() {
        return Optional.ofNullable(engine.inputSpec());
    }

    @Override
    public RuntimeStatus status() {
        return StatusView.of(engine, controller);
    }

    @Override
    public List<Level> levels() {
        ActiveSet set = engine.active();
        return set == null ? List.of() : set.levels();
    }

    @Override
    public List<String> policies() {
        return controller.policies.ids();
    }

    @Override
    public List<String> families() {
        return controller.families.ids();
    }

    @Override
    public List<BackendInfo> backends() {
        ActiveSet set = engine.active();
        return controller.backends.values().stream()
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
        if (!controller.policies.ids().contains(name)) {
            throw new IllegalArgumentException("no policy '" + name + "' (installed: " + controller.policies.ids() + ")");
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
