package io.dynofa.bench.internal;

import io.dynofa.family.api.ModelFamily;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Tensor;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The inputs the gateway measurements share: the active family, its batch-1 input shape, and the first
 * {@value #IMAGES} sample images, both as float arrays (for bare ORT) and as tensors (for the service).
 */
record Workload(ModelFamily family, long[] shape, float[][] images, Tensor[] tensors) {
    static final int IMAGES = 8;

    static Workload load(ModelFamily family, InputSpec spec, Path sample) throws IOException {
        long[] shape = spec.shape();
        shape[0] = 1;
        float[][] images = SampleImages.read(sample, IMAGES, spec);
        Tensor[] tensors = new Tensor[IMAGES];
        for (int i = 0; i < IMAGES; i++) {
            tensors[i] = Tensor.ofFloats(images[i], shape);
        }
        return new Workload(family, shape, images, tensors);
    }
}
