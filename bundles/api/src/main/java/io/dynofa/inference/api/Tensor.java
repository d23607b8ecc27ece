package io.dynofa.inference.api;

import java.util.Arrays;

/**
 * A dense tensor: element type, shape and a row-major backing array.
 *
 * <p>The backing array is not copied: callers must not modify it while a request that uses the
 * tensor is in flight. Instances are otherwise immutable and thread-safe.
 */
public final class Tensor {
    private final DType dtype;
    private final long[] shape;
    private final Object data;

    private Tensor(DType dtype, long[] shape, Object data, int length) {
        long elements = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            elements *= d;
        }
        if (elements != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + elements
                + " elements but the data has " + length);
        }
        this.dtype = dtype;
        this.shape = shape.clone();
        this.data = data;
    }

    /** A float32 tensor over {@code data} (not copied). */
    public static Tensor ofFloats(float[] data, long... shape) {
        return new Tensor(DType.FLOAT32, shape, data, data.length);
    }

    /** A uint8 tensor over {@code data} (not copied). */
    public static Tensor ofBytes(byte[] data, long... shape) {
        return new Tensor(DType.UINT8, shape, data, data.length);
    }

    /** An int64 tensor over {@code data} (not copied). */
    public static Tensor ofLongs(long[] data, long... shape) {
        return new Tensor(DType.INT64, shape, data, data.length);
    }

    public DType dtype() {
        return dtype;
    }

    /** A copy of the shape. */
    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public long dim(int axis) {
        return shape[axis];
    }

    /** The backing float array. @throws IllegalStateException if this is not a float32 tensor */
    public float[] floats() {
        return (float[]) as(DType.FLOAT32);
    }

    /** The backing byte array. @throws IllegalStateException if this is not a uint8 tensor */
    public byte[] bytes() {
        return (byte[]) as(DType.UINT8);
    }

    /** The backing long array. @throws IllegalStateException if this is not an int64 tensor */
    public long[] longs() {
        return (long[]) as(DType.INT64);
    }

    private Object as(DType wanted) {
        if (dtype != wanted) {
            throw new IllegalStateException("tensor is " + dtype.onnxName() + ", not " + wanted.onnxName());
        }
        return data;
    }

    /** Index of the largest element of a float32 tensor (first on ties), e.g. the top-1 class of logits. */
    public int argMax() {
        float[] v = floats();
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "Tensor[" + dtype.onnxName() + " " + Arrays.toString(shape) + "]";
    }
}
