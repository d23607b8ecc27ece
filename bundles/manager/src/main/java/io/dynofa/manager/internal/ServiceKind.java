package io.dynofa.manager.internal;

import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.monitor.api.Monitor;
import io.dynofa.policy.api.SwitchingPolicy;
import io.dynofa.runtime.api.ProblemSource;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How the manager names one kind of plug-in service: by the service property the API documents
 * ({@code property}, null when the API has none), else by a method of the service ({@code method}).
 *
 * @param noun the kind, for messages
 * @param property the service property that names a service of this kind; null when there is none
 * @param method what {@code ownId} reads, for messages (e.g. {@code name()})
 * @param ownId the id the service reports itself
 * @param renamed the service seen under the id its property gives, when that differs from its own
 */
record ServiceKind<T>(String noun, String property, String method, Function<T, String> ownId,
                      BiFunction<T, String, T> renamed) {

    static final ServiceKind<ModelFamily> FAMILY = new ServiceKind<>("family", ModelFamily.FAMILY_ID, "id()",
        ModelFamily::id, Renamed::family);
    static final ServiceKind<DeviceBackend> BACKEND = new ServiceKind<>("backend", DeviceBackend.BACKEND_ID, "id()",
        DeviceBackend::id, Renamed::backend);
    static final ServiceKind<SwitchingPolicy> POLICY = new ServiceKind<>("policy", SwitchingPolicy.POLICY_NAME,
        "name()", SwitchingPolicy::name, Renamed::policy);
    /** The monitor API defines no naming property: monitors are known by {@link Monitor#name()}. */
    static final ServiceKind<Monitor> MONITOR = new ServiceKind<>("monitor", null, "name()", Monitor::name,
        (monitor, name) -> monitor);
    static final ServiceKind<ProblemSource> PROBLEM_SOURCE = new ServiceKind<>("problem source",
        ProblemSource.SOURCE, "class name", source -> source.getClass().getName(), (source, name) -> source);
}
