package io.dynofa.health.internal;

import io.dynofa.runtime.api.Deployments;
import io.dynofa.runtime.api.RuntimeControl;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Every deployment's {@link RuntimeControl} bound (dynamic, any number), one per deployment name (the first
 * bound), read in name order. The base of the checks that read nothing else; a check with another base keeps one
 * and binds through it.
 */
class BoundDeployments {
    private final Map<String, RuntimeControl> controls = new ConcurrentSkipListMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindControl(RuntimeControl control, Map<String, Object> properties) {
        controls.putIfAbsent(Deployments.of(properties), control);
    }

    void unbindControl(RuntimeControl control, Map<String, Object> properties) {
        controls.remove(Deployments.of(properties), control);
    }

    /** The state of every deployment bound now, by name; those that fail to answer are left out. */
    final List<DeploymentState> deployments() {
        return controls.entrySet().stream()
            .map(e -> DeploymentState.read(e.getKey(), e.getValue()))
            .flatMap(Optional::stream)
            .toList();
    }
}
