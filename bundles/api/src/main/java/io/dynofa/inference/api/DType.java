package io.dynofa.inference.api;

import java.util.Locale;

/** Element type of a {@link Tensor}; names follow ONNX ("float32", "uint8", "int64"). */
public enum DType {
    FLOAT32, UINT8, INT64;

    /** The lower-case ONNX-style name, e.g. {@code float32}. */
    public String onnxName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name an ONNX-style name such as {@code float32} (case-insensitive)
     * @throws IllegalArgumentException naming the supported types when {@code name} is unknown
     */
    public static DType of(String name) {
        for (DType t : values()) {
            if (t.onnxName().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown dtype '" + name + "' (supported: float32, uint8, int64)");
    }
}
