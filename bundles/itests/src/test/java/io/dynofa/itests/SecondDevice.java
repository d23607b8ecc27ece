package io.dynofa.itests;

import io.dynofa.backend.api.BackendException;
import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.backend.api.LoadedModel;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;

/**
 * A second device for placement tests: a backend of its own id and device ({@value #DEVICE}) whose models the real
 * CPU backend loads and runs. No host here has a second device; to the runtime and the arbiter this one is one
 * (its own capacity, apart from the processors), while every request still runs on ONNX Runtime.
 */
final class SecondDevice implements DeviceBackend {
    static final String ID = "accel";
    static final String DEVICE = "itest-accel";

    private final DeviceBackend cpu;

    SecondDevice(DeviceBackend cpu) {
        this.cpu = cpu;
    }

    /** The service properties it is registered with. */
    static Dictionary<String, Object> properties() {
        return new Hashtable<>(Map.of(BACKEND_ID, ID, DeviceBackend.DEVICE, DEVICE, THREADS, 1));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "the itests' second device, running on " + cpu.description();
    }

    @Override
    public Optional<String> unavailableReason() {
        return cpu.unavailableReason();
    }

    @Override
    public LoadedModel load(String name, byte[] model) throws BackendException {
        return cpu.load(name, model);
    }
}
