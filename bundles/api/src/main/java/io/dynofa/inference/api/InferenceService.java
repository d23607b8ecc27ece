package io.dynofa.inference.api;

import java.time.Duration;
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
     * <p>At most a configured number of requests run at once; a caller beyond that waits its turn, up
     * to the runtime's request timeout, and is refused at once when too many callers already wait.
     *
     * @throws InferenceException {@code INVALID_INPUT} for a wrong dtype, shape or a non-finite
     *     value; {@code NOT_READY} when no family or backend is active; {@code BACKEND_FAILURE} when
     *     the backend failed or the output was not finite; {@code OVERLOADED} when too many callers
     *     wait already; {@code DEADLINE_EXCEEDED} when the request could not start within the
     *     runtime's request timeout
     */
    InferenceResult infer(Tensor input) throws InferenceException;

    /**
     * Runs one request on the runtime's worker pool; the future completes exceptionally with an
     * {@link InferenceException} where {@link #infer(Tensor)} would throw one. The queue is bounded:
     * when it is full the returned future has already failed with {@code OVERLOADED}; a request
     * still queued when the runtime's request timeout passes fails with {@code DEADLINE_EXCEEDED}
     * without being run.
     */
    CompletableFuture<InferenceResult> inferAsync(Tensor input);

    /**
     * As {@link #inferAsync(Tensor)}, with this request's own deadline: a request that has not started
     * {@code timeout} after this call fails with {@code DEADLINE_EXCEEDED} without being run. A
     * request that has started always finishes.
     *
     * @param timeout positive; the runtime's request timeout applies when it is longer
     * @since 1.2
     */
    default CompletableFuture<InferenceResult> inferAsync(Tensor input, Duration timeout) {
        return inferAsync(input);
    }

    /** The input the active family expects, or empty while no family is active. */
    Optional<InputSpec> inputSpec();
}
