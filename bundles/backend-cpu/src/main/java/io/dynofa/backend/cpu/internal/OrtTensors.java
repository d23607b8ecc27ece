package io.dynofa.backend.cpu.internal;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import io.dynofa.inference.api.Tensor;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;

/** Converts between the API's {@link Tensor} and ONNX Runtime tensors. */
final class OrtTensors {

    private OrtTensors() {
    }

    static OnnxTensor toOrt(OrtEnvironment environment, Tensor tensor) throws OrtException {
        long[] shape = tensor.shape();
        return switch (tensor.dtype()) {
            case FLOAT32 -> OnnxTensor.createTensor(environment, FloatBuffer.wrap(tensor.floats()), shape);
            case UINT8 ->
                OnnxTensor.createTensor(environment, ByteBuffer.wrap(tensor.bytes()), shape, OnnxJavaType.UINT8);
            case INT64 -> OnnxTensor.createTensor(environment, LongBuffer.wrap(tensor.longs()), shape);
        };
    }

    /** Copies a float32 ORT output into a {@link Tensor}; any other output type is rejected. */
    static Tensor fromOrt(OnnxValue value) throws OrtException {
        if (!(value instanceof OnnxTensor tensor) || ((TensorInfo) tensor.getInfo()).type != OnnxJavaType.FLOAT) {
            throw new OrtException("first output is " + value.getInfo() + ", only float32 tensors are supported");
        }
        long[] shape = ((TensorInfo) tensor.getInfo()).getShape();
        return Tensor.ofFloats(floats(tensor.getFloatBuffer()), shape);
    }

    private static float[] floats(FloatBuffer buffer) {
        // getFloatBuffer() already returns a fresh heap copy: take its array instead of copying again.
        if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.array().length == buffer.remaining()) {
            return buffer.array();
        }
        float[] copy = new float[buffer.remaining()];
        buffer.get(copy);
        return copy;
    }
}
