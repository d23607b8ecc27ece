package io.dynofa.manager.internal;

import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.inference.api.Tensor;
import io.dynofa.monitor.api.Monitor;
import io.dynofa.policy.api.SwitchingPolicy;
import io.dynofa.runtime.api.RuntimeStatus;
import io.dynofa.runtime.api.RuntimeStatus.State;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.rules.ExternalResource;

/**
 * A {@link RuntimeManager} run without OSGi: created from a {@link TestConfig}, fed fakes through its
 * bind methods and deactivated after the test. The standard fixture is family {@code fam} with
 * levels l0 (70 %, instant), l1 (80 %, 4 ms) and l2 (90 %, 8 ms) on backend {@code cpu}.
 */
final class ManagerRule extends ExternalResource {
    static final String FAMILY = "fam";
    static final String BACKEND = "cpu";

    private RuntimeManager manager;

    static FakeFamily standardFamily(String id) {
        return new FakeFamily(id).level("l0", 70).level("l1", 80).level("l2", 90);
    }

    static FakeBackend standardBackend() {
        return new FakeBackend(BACKEND).sleeping("l1", 4).sleeping("l2", 8);
    }

    static Map<String, Object> config(Object... keysAndValues) {
        Map<String, Object> values = new HashMap<>(Map.of("family", FAMILY, "backend", BACKEND));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    static Tensor validInput() {
        return Tensor.ofFloats(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, 1, 1, 2, 2);
    }

    RuntimeManager start(Map<String, Object> config) {
        manager = new RuntimeManager(TestConfig.fast(config));
        return manager;
    }

    /** Starts the manager and binds {@code family} and {@code backend}, then waits until it serves. */
    RuntimeManager startServing(Map<String, Object> config, FakeFamily family, FakeBackend backend) {
        start(config);
        bind(backend);
        bind(family);
        awaitState(State.READY);
        return manager;
    }

    /* Binding as DS does, with the service properties the plug-in registers with (see Registered). */

    void bind(DeviceBackend backend) {
        manager.bindBackend(backend, Registered.backend(backend));
    }

    /** The backend's service properties or configuration changed (DS calls the updated method). */
    void updated(DeviceBackend backend) {
        manager.updatedBackend(backend, Registered.backend(backend));
    }

    void unbind(DeviceBackend backend) {
        manager.unbindBackend(backend, Registered.backend(backend));
    }

    void bind(ModelFamily family) {
        manager.bindFamily(family, Registered.family(family));
    }

    void unbind(ModelFamily family) {
        manager.unbindFamily(family, Registered.family(family));
    }

    void bind(SwitchingPolicy policy) {
        manager.bindPolicy(policy, Registered.policy(policy));
    }

    void unbind(SwitchingPolicy policy) {
        manager.unbindPolicy(policy, Registered.policy(policy));
    }

    void bind(Monitor monitor) {
        manager.bindMonitor(monitor, Registered.monitor(monitor));
    }

    RuntimeStatus awaitState(State state) {
        return awaitStatus("state " + state, s -> s.state() == state);
    }

    RuntimeStatus awaitStatus(String what, Predicate<RuntimeStatus> condition) {
        return Waits.await(what).until(manager::status, condition::test);
    }

    @Override
    protected void after() {
        if (manager != null) {
            manager.deactivate();
        }
    }
}
