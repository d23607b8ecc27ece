package io.dynofa.ort.internal;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.TensorInfo;
import io.dynofa.inference.api.DType;
import io.dynofa.inference.api.TensorSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A session's declared inputs or outputs as {@link TensorSpec}s. */
final class OrtSignature {

    private OrtSignature() {
    }

    /**
     * One spec per entry, in the session's order: ORT's shape (-1 for a symbolic dimension) and element type;
     * a value that is not a tensor (sequence, map) gets an empty shape and no dtype.
     */
    static List<TensorSpec> of(Map<String, NodeInfo> infos) {
        List<TensorSpec> specs = new ArrayList<>(infos.size());
        infos.forEach((name, info) -> {
            if (info.getInfo() instanceof TensorInfo tensor) {
                specs.add(new TensorSpec(name, tensor.getShape(), dtype(tensor.type)));
            } else {
                specs.add(new TensorSpec(name, new long[0], null));
            }
        });
        return List.copyOf(specs);
    }

    static DType dtype(OnnxJavaType type) {
        return switch (type) {
            case FLOAT -> DType.FLOAT32;
            case UINT8 -> DType.UINT8;
            case INT64 -> DType.INT64;
            default -> null;
        };
    }
}
