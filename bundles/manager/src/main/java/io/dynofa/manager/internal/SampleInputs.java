package io.dynofa.manager.internal;

import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Tensor;
import java.util.Random;

/** Deterministic batch-1 inputs used to warm and measure levels. */
final class SampleInputs {

    private SampleInputs() {
    }

    static Tensor probe(InputSpec spec) {
        long[] shape = spec.shape();
        shape[0] = 1;
        int n = spec.sampleSize();
        Random random = new Random(42);
        return switch (spec.dtype()) {
            case FLOAT32 -> {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = spec.normalisation().apply(random.nextInt(256), 0);
                }
                yield Tensor.ofFloats(v, shape);
            }
            case UINT8 -> {
                byte[] v = new byte[n];
                random.nextBytes(v);
                yield Tensor.ofBytes(v, shape);
            }
            case INT64 -> Tensor.ofLongs(new long[n], shape);
        };
    }
}
