package io.dynofa.family.provider.internal;

import io.dynofa.family.api.Sample;
import io.dynofa.inference.api.DType;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Normalisation;
import io.dynofa.inference.api.Tensor;
import io.dynofa.util.internal.Idx;
import io.dynofa.util.internal.IdxReader;
import io.dynofa.util.internal.IdxReader.DimensionCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a family's labelled sample ({@link SampleSpec}): both files inside the models folder (after resolving
 * symbolic links), at most {@link #MAX_FILE_BYTES} each and verified against their SHA-256, the images
 * normalised as the family's input spec says into one batch of {@code count} inputs.
 */
final class SampleReader {
    /** The largest sample file read: 64 MiB. */
    static final long MAX_FILE_BYTES = 64L << 20;
    /** The most elements a sample batch may hold: 2^24 (64 MiB of float32). */
    static final long MAX_ELEMENTS = 1L << 24;

    private final Path folder;
    private final Path modelsDir;

    SampleReader(Path folder, Path modelsDir) {
        this.folder = folder;
        this.modelsDir = modelsDir;
    }

    /** @throws IOException starting with "sample: " and naming the file and what is wrong */
    Sample read(SampleSpec spec, InputSpec input, int classes) throws IOException {
        long[] shape = input.shape();
        for (int i = 1; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw new IOException("sample: the input shape " + input.shapeText()
                    + " has free dimensions besides the batch");
            }
        }
        long sampleSize = input.sampleSize();
        if (spec.count() * sampleSize > MAX_ELEMENTS) {
            throw new IOException("sample: " + spec.count() + " inputs of " + sampleSize + " elements are more than "
                + MAX_ELEMENTS + " elements");
        }
        Idx images = idx(spec.images(), spec.imagesSha256(), spec.count(), dims -> {
            if (IdxReader.itemSize(dims) != sampleSize) {
                throw new IOException("holds items of " + IdxReader.itemSize(dims) + " elements, the input "
                    + input.shapeText() + " takes " + sampleSize);
            }
        });
        Idx labels = idx(spec.labels(), spec.labelsSha256(), spec.count(), dims -> {
            if (dims.length != 1) {
                throw new IOException("is not a list of labels (" + dims.length + " dimensions)");
            }
        });
        int[] classOf = new int[spec.count()];
        for (int i = 0; i < classOf.length; i++) {
            classOf[i] = labels.data()[i] & 0xFF;
            if (classOf[i] >= classes) {
                throw new IOException("sample: " + spec.labels() + ": label " + classOf[i] + " of input " + i
                    + " is not a class (the family has " + classes + " labels)");
            }
        }
        shape[0] = spec.count();
        return new Sample(inputs(images.data(), shape, input), classOf);
    }

    private static Tensor inputs(byte[] pixels, long[] shape, InputSpec input) throws IOException {
        if (input.dtype() == DType.UINT8) {
            return Tensor.ofBytes(pixels, shape);
        }
        if (input.dtype() != DType.FLOAT32) {
            throw new IOException("sample: inputs of dtype " + input.dtype().onnxName() + " are not supported");
        }
        int channelAxis = input.layout().indexOf('C');
        long stride = 1;
        for (int i = channelAxis + 1; channelAxis >= 1 && i < shape.length; i++) {
            stride *= shape[i];
        }
        long channels = channelAxis >= 1 && channelAxis < shape.length ? shape[channelAxis] : 1;
        int sampleSize = input.sampleSize();
        Normalisation normalisation = input.normalisation();
        float[] values = new float[pixels.length];
        for (int i = 0; i < values.length; i++) {
            int channel = (int) ((i % sampleSize) / stride % channels);
            values[i] = normalisation.apply(pixels[i] & 0xFF, channel);
        }
        return Tensor.ofFloats(values, shape);
    }

    private Idx idx(String file, String sha256, int count, DimensionCheck check) throws IOException {
        byte[] bytes = verified(file, sha256);
        try {
            return IdxReader.read(bytes, count, dims -> {
                if (dims[0] < count) {
                    throw new IOException("holds " + dims[0] + " items, fewer than the sample's count " + count);
                }
                check.accept(dims);
            });
        } catch (IOException e) {
            throw new IOException("sample: " + file + ": " + e.getMessage(), e);
        }
    }

    private byte[] verified(String file, String sha256) throws IOException {
        Path path = folder.resolve(file).normalize();
        Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            throw new IOException("sample: " + file + ": file missing", e);
        }
        if (!path.startsWith(modelsDir) || !real.startsWith(modelsDir.toRealPath())) {
            throw new IOException("sample: " + file + ": outside the models folder " + modelsDir);
        }
        if (!Files.isRegularFile(real) || Files.size(real) > MAX_FILE_BYTES) {
            throw new IOException("sample: " + file + ": not a regular file of at most " + MAX_FILE_BYTES + " bytes");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(real)) {
            bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        }
        String actual = Sha256.of(bytes);
        if (!actual.equals(sha256)) {
            throw new IOException("sample: " + file + ": SHA-256 mismatch (expected " + sha256.substring(0, 12)
                + "…, found " + actual.substring(0, 12) + "…)");
        }
        return bytes;
    }
}
