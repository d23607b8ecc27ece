package io.dynofa.demo.internal;

import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InferenceException.Reason;
import io.dynofa.inference.api.InferenceResult;
import io.dynofa.inference.api.InferenceService;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Tensor;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Sends a frame's images as one batched request through whatever inference service is bound at that moment,
 * with the time left before the frame's deadline as the request's own deadline (the runtime's request timeout
 * when the frame has none). Never throws: whatever stops a frame being sent is a failed future.
 */
final class Replayer {
    static final String NO_SERVICE = "no inference service is bound";
    static final String NO_FAMILY = "no family is active";
    static final String EXPIRED_BUILDING = "its deadline passed while its input was built";

    /** The frame's deadline passed before it could be sent; it was not. */
    static final class Expired extends Exception {
        private static final long serialVersionUID = 1L;

        Expired() {
            super(EXPIRED_BUILDING, null, false, false);
        }
    }

    private final FrameEncoder encoder;
    private final Supplier<InferenceService> inference;

    Replayer(Sample sample, Supplier<InferenceService> inference) {
        this.encoder = new FrameEncoder(sample);
        this.inference = inference;
    }

    /**
     * Sends {@code frame}, with the time left before its deadline once its input is built as the request's
     * deadline; fails with {@link Expired} unsent when none is left.
     */
    CompletableFuture<InferenceResult> send(Frame frame) {
        InferenceService service = inference.get();
        if (service == null) {
            return notReady(NO_SERVICE);
        }
        try {
            Optional<InputSpec> spec = service.inputSpec();
            if (spec.isEmpty()) {
                return notReady(NO_FAMILY);
            }
            Tensor input = encoder.encode(frame.firstImage(), frame.items(), spec.get());
            long left = frame.remainingNanos(System.nanoTime());
            if (left <= 0) {
                return CompletableFuture.failedFuture(new Expired());
            }
            CompletableFuture<InferenceResult> result = frame.hasDeadline()
                ? service.inferAsync(input, Duration.ofNanos(left))
                : service.inferAsync(input);
            return result != null ? result : CompletableFuture.failedFuture(
                new InferenceException(Reason.BACKEND_FAILURE, "the inference service returned no future"));
        } catch (InferenceException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static CompletableFuture<InferenceResult> notReady(String why) {
        return CompletableFuture.failedFuture(new InferenceException(Reason.NOT_READY, why));
    }
}
