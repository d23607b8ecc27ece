package io.dynofa.http.internal;

import io.dynofa.family.api.ModelFamily;
import io.dynofa.inference.api.InferenceService;
import io.dynofa.runtime.api.Deployments;
import io.dynofa.runtime.api.RuntimeControl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The running deployments, by name: each one's {@link InferenceService} and {@link RuntimeControl}, tracked as they
 * come and go, and the registered families by id. Thread-safe.
 */
@Component(service = DeploymentDirectory.class)
public final class DeploymentDirectory {
    private final Map<String, InferenceService> inference = new ConcurrentSkipListMap<>();
    private final Map<String, RuntimeControl> controls = new ConcurrentSkipListMap<>();
    private final Map<String, ModelFamily> families = new ConcurrentHashMap<>();

    @Activate
    public DeploymentDirectory() {
    }

    @Reference(name = "inference", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindInference(InferenceService service, Map<String, Object> properties) {
        inference.put(Deployments.of(properties), service);
    }

    void unbindInference(InferenceService service, Map<String, Object> properties) {
        inference.remove(Deployments.of(properties), service);
    }

    @Reference(name = "control", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindControl(RuntimeControl control, Map<String, Object> properties) {
        controls.put(Deployments.of(properties), control);
    }

    void unbindControl(RuntimeControl control, Map<String, Object> properties) {
        controls.remove(Deployments.of(properties), control);
    }

    @Reference(name = "family", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindFamily(ModelFamily family, Map<String, Object> properties) {
        families.put(String.valueOf(properties.get(ModelFamily.FAMILY_ID)), family);
    }

    void unbindFamily(ModelFamily family, Map<String, Object> properties) {
        families.remove(String.valueOf(properties.get(ModelFamily.FAMILY_ID)), family);
    }

    /** The deployment named {@code name}, when both its services are registered. */
    Optional<Deployment> find(String name) {
        InferenceService service = inference.get(name);
        RuntimeControl control = controls.get(name);
        return service == null || control == null ? Optional.empty()
            : Optional.of(new Deployment(name, service, control));
    }

    /** The deployment named {@code name}, or 404 naming the running ones. */
    Deployment require(String name) throws HttpError {
        Optional<Deployment> found = find(name);
        if (found.isEmpty()) {
            throw HttpError.notFound("no deployment '" + name + "' (running: " + String.join(", ", names()) + ")");
        }
        return found.get();
    }

    /** Every deployment with both services registered, by name. */
    List<Deployment> all() {
        List<Deployment> all = new ArrayList<>();
        for (String name : controls.keySet()) {
            find(name).ifPresent(all::add);
        }
        return all;
    }

    List<String> names() {
        return all().stream().map(Deployment::name).toList();
    }

    /** The registered family with this id. */
    Optional<ModelFamily> family(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(families.get(id));
    }
}
