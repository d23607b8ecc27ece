package io.dynofa.soak.internal;

import static org.junit.Assert.assertEquals;

import io.dynofa.inference.api.DType;
import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InferenceResult;
import io.dynofa.inference.api.InferenceService;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Normalisation;
import io.dynofa.inference.api.Tensor;
import io.dynofa.soak.internal.RequestCounts.Counts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.Test;

public class LoadDriverTest {
    private static final InputSpec SPEC = new InputSpec("input", new long[] {-1, 4}, "NC", DType.FLOAT32,
        new Normalisation(1 / 255.0, new double[] {0}, new double[] {1}));

    private final RequestCounts counts = new RequestCounts();
    private final List<Object> outcomes = new ArrayList<>();
    private final List<Tensor> inputs = new ArrayList<>();
    private InferenceService current;

    private final InferenceService service = new InferenceService() {
        @Override
        public InferenceResult infer(Tensor input) throws InferenceException {
            inputs.add(input);
            Object next = outcomes.remove(0);
            if (next instanceof InferenceException e) {
                throw e;
            }
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return null;
        }

        @Override
        public CompletableFuture<InferenceResult> inferAsync(Tensor input) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<InputSpec> inputSpec() {
            return outcomes.isEmpty() || outcomes.get(0) != "no family" ? Optional.of(SPEC) : Optional.empty();
        }
    };

    @Test
    public void countsEachRequestAsItsCallerSeesIt() {
        LoadDriver driver = new LoadDriver(() -> current, 100, counts);
        driver.once();
        current = service;
        outcomes.add("no family");
        driver.once();
        outcomes.clear();
        outcomes.addAll(List.of("ok", new InferenceException(InferenceException.Reason.OVERLOADED, "full"),
            new IllegalStateException("deactivated"), "ok"));
        for (int i = 0; i < 4; i++) {
            driver.once();
        }

        assertEquals(new Counts(2, Map.of("NO_SERVICE", 1L, "NOT_READY", 1L, "OVERLOADED", 1L,
            "EXCEPTION IllegalStateException", 1L)), counts.snapshot());
        assertEquals(4, inputs.size());
        assertEquals("every request sends the family's probe", List.of(1L, 4L),
            List.of(inputs.get(3).shape()[0], inputs.get(3).shape()[1]));
    }
}
