package io.dynofa.inference.api;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The application-facing service: run the active model family at whatever level the runtime has
 * chosen to hold the latency target. Thread-safe; a level, policy, family or backend switch never
 * fails a request that has already started.
 */
@ProviderType
public interface InferenceService {

    /**
     * Runs one request synchronously on the calling thread.
     *
     * @param input a tensor matching {@link #inputSpec()}; a batch of several samples is allowed
     * @throws InferenceException {@code INVALID_INPUT} for a wrong dtype, shape or a non-finite
     *     value; {@code NOT_READY} when no family or backend is active; {@code BACKEND_FAILURE} when
     *     the backend failed
     */
    InferenceResult infer(Tensor input) throws InferenceException;

    /**
     * Runs one request on the runtime's worker pool; the future completes exceptionally with an
     * {@link InferenceException} where {@link #infer(Tensor)} would throw one.
     */
    CompletableFuture<InferenceResult> inferAsync(Tensor input);

    /** The input the active family expects, or empty while no family is active. */
    Optional<InputSpec> inputSpec();
}
