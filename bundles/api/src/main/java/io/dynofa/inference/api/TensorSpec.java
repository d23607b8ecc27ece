package io.dynofa.inference.api;

import java.util.Arrays;

/**
 * A named tensor a model takes or gives: element type and shape, {@code -1} marking a free dimension
 * (such as the batch).
 *
 * @param name the tensor's name in the model
 * @param shape the shape, {@code -1} for a free dimension
 * @param dtype the element type, null when it is none of {@link DType}
 * @since 1.2
 */
public record TensorSpec(String name, long[] shape, DType dtype) {

    public TensorSpec {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /**
     * Whether a tensor of {@code actual}'s shape fits this spec: same rank, and every dimension fixed in
     * both equal (a dimension free in either matches anything).
     */
    public boolean shapeMatches(long[] actual) {
        if (actual.length != shape.length) {
            return false;
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] >= 0 && actual[i] >= 0 && shape[i] != actual[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec t && name.equals(t.name) && Arrays.equals(shape, t.shape) && dtype == t.dtype;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(name).append(" ").append(dtype == null ? "?" : dtype.onnxName()).append('[');
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ", ").append(shape[i] < 0 ? "N" : Long.toString(shape[i]));
        }
        return b.append(']').toString();
    }
}
