package io.dynofa.manager.internal;

import io.dynofa.inference.api.Tensor;
import java.util.function.IntFunction;

/** A probe input of a batch of {@code n} items: the batch-of-one probe repeated along the first axis. */
final class BatchProbe {

    private BatchProbe() {
    }

    static Tensor of(Tensor one, int n) {
        if (n == 1) {
            return one;
        }
        long[] shape = one.shape();
        shape[0] = n;
        return switch (one.dtype()) {
            case FLOAT32 -> Tensor.ofFloats(repeat(one.floats(), one.floats().length, n, float[]::new), shape);
            case UINT8 -> Tensor.ofBytes(repeat(one.bytes(), one.bytes().length, n, byte[]::new), shape);
            case INT64 -> Tensor.ofLongs(repeat(one.longs(), one.longs().length, n, long[]::new), shape);
        };
    }

    private static <A> A repeat(A item, int length, int n, IntFunction<A> make) {
        A all = make.apply(length * n);
        for (int i = 0; i < n; i++) {
            System.arraycopy(item, 0, all, i * length, length);
        }
        return all;
    }
}
