package io.dynofa.manager.internal;

import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.monitor.api.Monitor;
import io.dynofa.policy.api.SwitchingPolicy;
import io.dynofa.runtime.api.Problem;
import io.dynofa.runtime.api.ProblemSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The plug-in services bound to the manager: one {@link ServiceRegistry} per {@link ServiceKind}. Thread-safe. */
final class Bindings {
    final ServiceRegistry<ModelFamily> families = new ServiceRegistry<>(ServiceKind.FAMILY);
    final ServiceRegistry<DeviceBackend> backends = new ServiceRegistry<>(ServiceKind.BACKEND);
    final ServiceRegistry<SwitchingPolicy> policies = new ServiceRegistry<>(ServiceKind.POLICY);
    final ServiceRegistry<Monitor> monitors = new ServiceRegistry<>(ServiceKind.MONITOR);
    final ServiceRegistry<ProblemSource> problemSources = new ServiceRegistry<>(ServiceKind.PROBLEM_SOURCE);
    private final Map<ServiceKind<?>, ServiceRegistry<?>> byKind = Map.of(ServiceKind.FAMILY, families,
        ServiceKind.BACKEND, backends, ServiceKind.POLICY, policies, ServiceKind.MONITOR, monitors,
        ServiceKind.PROBLEM_SOURCE, problemSources);

    @SuppressWarnings("unchecked")
    <T> ServiceRegistry<T> of(ServiceKind<T> kind) {
        return (ServiceRegistry<T>) byKind.get(kind);
    }

    /** Services not known by their naming property, then every problem source's problems. */
    List<Problem> problems() {
        List<Problem> all = new ArrayList<>();
        for (ServiceRegistry<?> registry : List.of(families, backends, policies, monitors, problemSources)) {
            all.addAll(registry.problems());
        }
        all.addAll(SourceProblems.of(problemSources.all()));
        return all;
    }
}
