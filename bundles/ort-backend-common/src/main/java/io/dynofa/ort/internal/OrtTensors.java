package io.dynofa.ort.internal;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import io.dynofa.inference.api.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Collections;
import java.util.Map;

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

    /** Whether {@code shape} has a free first (batch) dimension and every other dimension fixed. */
    static boolean freeBatchOnly(long[] shape) {
        if (shape.length == 0 || shape[0] >= 0) {
            return false;
        }
        for (int i = 1; i < shape.length; i++) {
            if (shape[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static FloatBuffer direct(long elements) {
        return ByteBuffer.allocateDirect(Math.toIntExact(elements * Float.BYTES)).order(ByteOrder.nativeOrder())
            .asFloatBuffer();
    }

    /**
     * Reusable ORT tensors for one float32 input shape: the input over a direct buffer the request is copied
     * into, and, when the model's output shape follows from the input's batch, a pinned output over a direct
     * buffer ORT writes into. Used by one request at a time.
     */
    static final class Slot implements AutoCloseable {
        private final long[] inputShape;
        private final FloatBuffer in;
        private final OnnxTensor inTensor;
        private final Map<String, OnnxTensor> inputs;
        private final long[] outputShape;
        private final FloatBuffer out;
        private final OnnxTensor outTensor;
        private final Map<String, OnnxTensor> outputs;

        private Slot(OrtEnvironment environment, String inputName, String outputName, long[] declaredOutput,
                     Tensor input) throws OrtException {
            inputShape = input.shape();
            in = direct(elements(inputShape));
            inTensor = OnnxTensor.createTensor(environment, in, inputShape);
            inputs = Collections.singletonMap(inputName, inTensor);
            if (declaredOutput != null && outputName != null) {
                long[] shape = declaredOutput.clone();
                shape[0] = inputShape[0];
                OnnxTensor pinned;
                FloatBuffer buffer = direct(elements(shape));
                try {
                    pinned = OnnxTensor.createTensor(environment, buffer, shape);
                } catch (OrtException | RuntimeException e) {
                    inTensor.close();
                    throw e;
                }
                outputShape = shape;
                out = buffer;
                outTensor = pinned;
                outputs = Collections.singletonMap(outputName, pinned);
            } else {
                outputShape = null;
                out = null;
                outTensor = null;
                outputs = null;
            }
        }

        static Slot create(OrtEnvironment environment, String inputName, String outputName, long[] declaredOutput,
                           Tensor input) throws OrtException {
            return new Slot(environment, inputName, outputName, declaredOutput, input);
        }

        private static long elements(long[] shape) {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }

        /** Whether a request of {@code input}'s shape can use this slot (checked without allocating). */
        boolean fits(Tensor input) {
            if (input.rank() != inputShape.length) {
                return false;
            }
            for (int i = 0; i < inputShape.length; i++) {
                if (input.dim(i) != inputShape[i]) {
                    return false;
                }
            }
            return true;
        }

        void fill(float[] data) {
            in.put(0, data);
        }

        Map<String, OnnxTensor> inputs() {
            return inputs;
        }

        boolean pinned() {
            return outTensor != null;
        }

        Map<String, OnnxTensor> outputs() {
            return outputs;
        }

        /** A copy of the pinned output, as the request's result. */
        Tensor output() {
            float[] values = new float[out.capacity()];
            out.get(0, values);
            return Tensor.ofFloats(values, outputShape);
        }

        @Override
        public void close() {
            inTensor.close();
            if (outTensor != null) {
                outTensor.close();
            }
        }
    }
}
