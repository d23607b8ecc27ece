package io.dynofa.demo.internal;

import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Normalisation;
import io.dynofa.inference.api.Tensor;
import io.dynofa.util.internal.Idx;
import java.util.Arrays;

/**
 * Turns one sample image into the batch-1 tensor an {@link InputSpec} asks for: float32 normalised
 * per channel, or uint8 raw. A greyscale image fills every channel of a multi-channel input.
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
        long[] shape = batchOfOne(spec);
        ChannelLayout layout = ChannelLayout.of(spec, images.itemSize());
        int size = spec.sampleSize();
        return switch (spec.dtype()) {
            case FLOAT32 -> Tensor.ofFloats(normalised(index, size, layout, spec.normalisation()), shape);
            case UINT8 -> Tensor.ofBytes(raw(index, size, layout), shape);
            case INT64 -> throw invalid("the demo camera cannot feed an int64 input " + spec.shapeText());
        };
    }

    private float[] normalised(int index, int size, ChannelLayout layout, Normalisation normalisation) {
        Normalisation n = normalisation == null ? IDENTITY : normalisation;
        float[] values = new float[size];
        for (int e = 0; e < size; e++) {
            values[e] = n.apply(images.unsigned(index, layout.pixelOf(e)), layout.channelOf(e));
        }
        return values;
    }

    private byte[] raw(int index, int size, ChannelLayout layout) {
        byte[] values = new byte[size];
        for (int e = 0; e < size; e++) {
            values[e] = images.raw(index, layout.pixelOf(e));
        }
        return values;
    }

    private long[] batchOfOne(InputSpec spec) throws InferenceException {
        long[] shape = spec.shape();
        if (shape.length < 2) {
            throw invalid("input shape " + spec.shapeText() + " has no room for an image");
        }
        shape[0] = 1;
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
