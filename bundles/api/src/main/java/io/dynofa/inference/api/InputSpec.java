package io.dynofa.inference.api;

import java.util.Arrays;
import java.util.Random;

/**
 * What a model family accepts: input name, shape ({@code -1} marks a free dimension such as the
 * batch), layout (e.g. {@code NCHW}), element type and the normalisation the caller applies.
 */
public record InputSpec(String name, long[] shape, String layout, DType dtype, Normalisation normalisation) {

    public InputSpec {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Elements of one sample (the product of every fixed dimension after the first). */
    public int sampleSize() {
        long n = 1;
        for (int i = 1; i < shape.length; i++) {
            n *= shape[i];
        }
        return Math.toIntExact(n);
    }

    /**
     * Checks {@code input} against this spec: element type, rank, every fixed dimension, and, for
     * float32, that no element is NaN or infinite.
     *
     * @throws InferenceException with {@link InferenceException.Reason#INVALID_INPUT} and a message
     *     naming the expected and the actual value
     */
    public void check(Tensor input) throws InferenceException {
        if (input == null) {
            throw invalid("no input tensor");
        }
        if (input.dtype() != dtype) {
            throw invalid("input dtype " + input.dtype().onnxName() + " does not match the family's "
                + dtype.onnxName());
        }
        if (input.rank() != shape.length) {
            throw invalid("input shape " + Arrays.toString(input.shape()) + " has rank " + input.rank()
                + ", expected " + shapeText());
        }
        for (int i = 0; i < shape.length; i++) {
            long want = shape[i];
            long got = input.dim(i);
            if ((want >= 0 && got != want) || got == 0) {
                throw invalid("input shape " + Arrays.toString(input.shape()) + " does not match " + shapeText());
            }
        }
        if (dtype == DType.FLOAT32) {
            float[] v = input.floats();
            for (int i = 0; i < v.length; i++) {
                if (!Float.isFinite(v[i])) {
                    throw invalid("input element " + i + " is " + v[i] + " (NaN and infinities are rejected)");
                }
            }
        }
    }

    /**
     * A deterministic batch-1 input of this spec (the same every call): random pixels through the
     * normalisation for float32, random bytes for uint8, zeros for int64. For warming up and timing
     * models, never for accuracy.
     *
     * @since 1.1
     */
    public Tensor probe() {
        long[] batchOfOne = shape.clone();
        batchOfOne[0] = 1;
        int n = sampleSize();
        Random random = new Random(42);
        return switch (dtype) {
            case FLOAT32 -> {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = normalisation.apply(random.nextInt(256), 0);
                }
                yield Tensor.ofFloats(v, batchOfOne);
            }
            case UINT8 -> {
                byte[] v = new byte[n];
                random.nextBytes(v);
                yield Tensor.ofBytes(v, batchOfOne);
            }
            case INT64 -> Tensor.ofLongs(new long[n], batchOfOne);
        };
    }

    /** The shape as text, free dimensions as {@code N}, e.g. {@code [N, 1, 28, 28]}. */
    public String shapeText() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ", ").append(shape[i] < 0 ? "N" : Long.toString(shape[i]));
        }
        return b.append(']').toString();
    }

    private static InferenceException invalid(String message) {
        return new InferenceException(InferenceException.Reason.INVALID_INPUT, message);
    }
}
