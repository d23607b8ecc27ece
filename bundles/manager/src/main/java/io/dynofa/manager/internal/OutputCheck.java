package io.dynofa.manager.internal;

import io.dynofa.inference.api.DType;
import io.dynofa.inference.api.Tensor;

/** The per-request output check: cheap enough for every response. */
final class OutputCheck {

    private OutputCheck() {
    }

    /** Index of the first NaN or infinite element of a float32 output, -1 when all are finite (or not float32). */
    static int firstNonFinite(Tensor output) {
        if (output.dtype() != DType.FLOAT32) {
            return -1;
        }
        float[] v = output.floats();
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                return i;
            }
        }
        return -1;
    }
}
