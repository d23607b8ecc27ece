package io.dynofa.demo.internal;

import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Normalisation;
import io.dynofa.inference.api.Tensor;
import io.dynofa.util.internal.Idx;
import java.util.Arrays;

/**
 * Turns consecutive sample images into the batched tensor an {@link InputSpec} asks for, one image per row of
 * the batch: float32 normalised per channel, or uint8 raw. A greyscale image fills every channel of a
 * multi-channel input; images past the end of the sample wrap round to its start.
 */
final class FrameEncoder {
    private static final Normalisation IDENTITY = new Normalisation(1, new double[] {0}, new double[] {1});

    private final Idx images;

    FrameEncoder(Sample sample) {
        this.images = sample.images();
    }

    /**
     * @throws InferenceException {@code INVALID_INPUT} when the image cannot fill the spec's shape or
     *     the spec's element type is not float32 or uint8
     */
    Tensor encode(int index, InputSpec spec) throws InferenceException {
        return encode(index, 1, spec);
    }

    /**
     * The batch of {@code count} images from {@code first}: shape {@code [count, ...]}.
     *
     * @throws InferenceException {@code INVALID_INPUT} as {@link #encode(int, InputSpec)}, or when the spec fixes
     *     a batch size other than {@code count}
     */
    Tensor encode(int first, int count, InputSpec spec) throws InferenceException {
        long[] shape = batchOf(count, spec);
        ChannelLayout layout = ChannelLayout.of(spec, images.itemSize());
        int size = spec.sampleSize();
        return switch (spec.dtype()) {
            case FLOAT32 -> Tensor.ofFloats(normalised(first, count, size, layout, spec.normalisation()), shape);
            case UINT8 -> Tensor.ofBytes(raw(first, count, size, layout), shape);
            case INT64 -> throw invalid("the demo camera cannot feed an int64 input " + spec.shapeText());
        };
    }

    private float[] normalised(int first, int count, int size, ChannelLayout layout, Normalisation normalisation) {
        Normalisation n = normalisation == null ? IDENTITY : normalisation;
        float[] values = new float[Math.multiplyExact(count, size)];
        for (int item = 0; item < count; item++) {
            int index = imageAt(first, item);
            int offset = item * size;
            for (int e = 0; e < size; e++) {
                values[offset + e] = n.apply(images.unsigned(index, layout.pixelOf(e)), layout.channelOf(e));
            }
        }
        return values;
    }

    private byte[] raw(int first, int count, int size, ChannelLayout layout) {
        byte[] values = new byte[Math.multiplyExact(count, size)];
        for (int item = 0; item < count; item++) {
            int index = imageAt(first, item);
            int offset = item * size;
            for (int e = 0; e < size; e++) {
                values[offset + e] = images.raw(index, layout.pixelOf(e));
            }
        }
        return values;
    }

    /** The sample index of item {@code item} of a frame from {@code first}, wrapping round the end. */
    int imageAt(int first, int item) {
        return (int) (((long) first + item) % images.count());
    }

    private long[] batchOf(int count, InputSpec spec) throws InferenceException {
        long[] shape = spec.shape();
        if (shape.length < 2) {
            throw invalid("input shape " + spec.shapeText() + " has no room for an image");
        }
        if (shape[0] >= 0 && shape[0] != count) {
            throw invalid("input shape " + spec.shapeText() + " fixes the batch at " + shape[0] + ", the frame holds "
                + count + " images");
        }
        shape[0] = count;
        for (int i = 1; i < shape.length; i++) {
            if (shape[i] <= 0) {
                throw invalid("input shape " + spec.shapeText() + " has a free dimension after the batch: "
                    + Arrays.toString(spec.shape()));
            }
        }
        return shape;
    }

    static InferenceException invalid(String message) {
        return new InferenceException(InferenceException.Reason.INVALID_INPUT, message);
    }
}
