package io.dynofa.bench.internal;

import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Normalisation;
import io.dynofa.util.internal.Idx;
import io.dynofa.util.internal.IdxReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/** The first images of the shipped Fashion-MNIST sample (IDX), normalised for a family's input. */
final class SampleImages {
    private SampleImages() {
    }

    /** {@code count} samples, each {@code spec.sampleSize()} floats in the family's layout (1 channel repeated). */
    static float[][] read(Path idx, int count, InputSpec spec) throws IOException {
        int size = spec.sampleSize();
        Idx images = IdxReader.read(idx, count, dims -> {
            long pixels = dims.length == 3 ? (long) dims[1] * dims[2] : 0;
            if (pixels == 0 || size % pixels != 0) {
                throw new IOException("items of " + Arrays.toString(dims) + " are not images that fill "
                    + "the family's input " + spec.shapeText());
            }
        });
        int pixels = images.itemSize();
        Normalisation norm = spec.normalisation();
        float[][] out = new float[count][size];
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < size / pixels; c++) {
                for (int p = 0; p < pixels; p++) {
                    out[i][c * pixels + p] = norm.apply(images.unsigned(i, p), c);
                }
            }
        }
        return out;
    }
}
