package io.dynofa.demo.internal;

import io.dynofa.inference.api.DType;
import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InferenceResult;
import io.dynofa.inference.api.InferenceService;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Normalisation;
import io.dynofa.inference.api.Tensor;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** An inference service whose answer to the n-th request (from 0) a test decides. */
final class FakeInference implements InferenceService {
    static final int CLASSES = 10;

    /** The answer to one request. */
    interface Answer {
        InferenceResult answer(int request, Tensor input) throws InferenceException;
    }

    final List<Tensor> inputs = new CopyOnWriteArrayList<>();
    /** The timeout of each inferAsync request, null for one without. */
    final List<Duration> timeouts = new CopyOnWriteArrayList<>();
    private final Optional<InputSpec> spec;
    private final Answer answer;

    FakeInference(Optional<InputSpec> spec, Answer answer) {
        this.spec = spec;
        this.answer = answer;
    }

    /** A float32 [N, 1, rows, cols] spec scaling pixels to 0..1. */
    static Optional<InputSpec> grey(int rows, int cols) {
        return Optional.of(new InputSpec("input", new long[] {-1, 1, rows, cols}, "NCHW", DType.FLOAT32,
            new Normalisation(1 / 255.0, new double[] {0}, new double[] {1})));
    }

    /** A result whose top class is {@code topClass}, served by {@code levelId}. */
    static InferenceResult classified(int topClass, String levelId) {
        return classified(levelId, topClass);
    }

    /** A batch result whose row i has top class {@code topClasses[i]}, served by {@code levelId}. */
    static InferenceResult classified(String levelId, int... topClasses) {
        float[] logits = new float[CLASSES * topClasses.length];
        for (int i = 0; i < topClasses.length; i++) {
            logits[i * CLASSES + topClasses[i]] = 1;
        }
        return new InferenceResult(Tensor.ofFloats(logits, topClasses.length, CLASSES), "fashion", levelId, "cpu",
            1_000_000);
    }

    @Override
    public InferenceResult infer(Tensor input) throws InferenceException {
        spec.orElseThrow().check(input);
        inputs.add(input);
        return answer.answer(inputs.size() - 1, input);
    }

    @Override
    public CompletableFuture<InferenceResult> inferAsync(Tensor input, Duration timeout) {
        timeouts.add(timeout);
        return answered(input);
    }

    @Override
    public CompletableFuture<InferenceResult> inferAsync(Tensor input) {
        timeouts.add(null);
        return answered(input);
    }

    private CompletableFuture<InferenceResult> answered(Tensor input) {
        try {
            return CompletableFuture.completedFuture(infer(input));
        } catch (InferenceException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public Optional<InputSpec> inputSpec() {
        return spec;
    }
}
