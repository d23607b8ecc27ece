package io.dynofa.bench.internal;

import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Normalisation;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** The first images of the shipped Fashion-MNIST sample (gzipped IDX), normalised for a family's input. */
final class SampleImages {
    private SampleImages() {
    }

    /** {@code count} samples, each {@code spec.sampleSize()} floats in the family's layout (1 channel repeated). */
    static float[][] read(Path idxGz, int count, InputSpec spec) throws IOException {
        try (InputStream raw = Files.newInputStream(idxGz);
             DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
            int magic = in.readInt();
            if (magic != 0x00000803) {
                throw new IOException(idxGz + " is not an IDX image file (magic " + Integer.toHexString(magic) + ")");
            }
            int n = Math.min(count, in.readInt());
            int rows = in.readInt();
            int cols = in.readInt();
            int pixels = rows * cols;
            int size = spec.sampleSize();
            if (size % pixels != 0) {
                throw new IOException("sample images are " + rows + "x" + cols + " but the family expects "
                    + spec.shapeText());
            }
            Normalisation norm = spec.normalisation();
            float[][] images = new float[n][size];
            byte[] buffer = new byte[pixels];
            for (int i = 0; i < n; i++) {
                in.readFully(buffer);
                for (int c = 0; c < size / pixels; c++) {
                    for (int p = 0; p < pixels; p++) {
                        images[i][c * pixels + p] = norm.apply(buffer[p] & 0xff, c);
                    }
                }
            }
            return images;
        }
    }
}
