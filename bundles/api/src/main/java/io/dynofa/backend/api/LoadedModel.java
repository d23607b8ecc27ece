package io.dynofa.backend.api;

import io.dynofa.inference.api.Tensor;
import io.dynofa.inference.api.TensorSpec;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A model resident on a device backend, ready to run; implemented by the backend that loaded it
 * ({@link DeviceBackend#load}). Thread-safe: {@link #run} may be called concurrently. The owner closes it
 * once no request uses it any more.
 */
@ConsumerType
public interface LoadedModel extends AutoCloseable {

    /** The name given at load time. */
    String name();

    /**
     * Runs the model on {@code input} (already checked against the family's input spec).
     *
     * @return the model's first output
     * @throws BackendException when the run fails or the model has been closed
     */
    Tensor run(Tensor input) throws BackendException;

    /**
     * The model's inputs as the loaded graph declares them; empty when the backend cannot tell.
     *
     * @since 1.1
     */
    default List<TensorSpec> inputs() {
        return List.of();
    }

    /**
     * The model's outputs as the loaded graph declares them, the one {@link #run} returns first; empty
     * when the backend cannot tell.
     *
     * @since 1.1
     */
    default List<TensorSpec> outputs() {
        return List.of();
    }

    /** Releases the model's native resources; idempotent. */
    @Override
    void close();
}
