package io.dynofa.backend.api;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A device that runs models (CPU, GPU, ...), registered as a service with the service property
 * {@link #BACKEND_ID}. A bundle may register several configured instances (e.g. CPU with 1 and
 * with 2 intra-op threads), each with its own id.
 */
@ConsumerType
public interface DeviceBackend {

    /** Service property carrying {@link #id()}. */
    String BACKEND_ID = "dynofa.backend.id";

    /**
     * Service property naming the device the backend runs on: {@code cpu} for the processors, another name (e.g.
     * {@code cuda:0}) for a device of its own. Backends of one device share it; absent = {@code cpu}.
     *
     * @since 1.2
     */
    String DEVICE = "dynofa.backend.device";

    /**
     * Service property: the device's threads a run keeps busy while it runs (on the CPU, the intra-op threads:
     * a backend of 2 takes 2 cores for its runs' time); absent = 1.
     *
     * @since 1.2
     */
    String THREADS = "dynofa.backend.threads";

    String id();

    /** Human-readable configuration, e.g. {@code ONNX Runtime 1.24.2 CPU, 1 intra-op thread}. */
    String description();

    /** Empty when the backend can run models; otherwise why not. The runtime never routes to it then. */
    Optional<String> unavailableReason();

    /**
     * Loads a model (ONNX bytes) onto the device.
     *
     * <p>Model bytes are untrusted input: a backend refuses a model that refers to data outside the
     * bytes given (ONNX external data), so a model can never make the device read a file.
     *
     * @param name for messages and {@link LoadedModel#name()}
     * @throws BackendException naming the model when the bytes are not a valid model or the device
     *     cannot hold it
     */
    LoadedModel load(String name, byte[] model) throws BackendException;
}
