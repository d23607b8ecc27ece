package io.dynofa.bench.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Collections;
import java.util.Map;

/**
 * The baseline: a plain ONNX Runtime session over the same ONNX bytes, with the CPU backend's default
 * options (1 intra-op and 1 inter-op thread, ALL_OPT, memory arena on, sequential execution).
 */
final class BareOrt implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final String inputName;
    private final long[] shape;
    private final FloatBuffer direct;
    private final OnnxTensor reusedInput;
    private final Map<String, OnnxTensor> reusedInputs;

    BareOrt(byte[] model, long[] batch1Shape) throws OrtException {
        env = OrtEnvironment.getEnvironment();
        try (SessionOptions options = new SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
            options.setCPUArenaAllocator(true);
            options.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
            session = env.createSession(model, options);
        }
        inputName = session.getInputNames().iterator().next();
        shape = batch1Shape.clone();
        int elements = 1;
        for (long d : shape) {
            elements *= (int) d;
        }
        direct = ByteBuffer.allocateDirect(elements * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        reusedInput = OnnxTensor.createTensor(env, direct, shape);
        reusedInputs = Collections.singletonMap(inputName, reusedInput);
    }

    /** What an application holding a float[] writes: a tensor per request, run, copy the logits out. */
    float[] run(float[] input) throws OrtException {
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
             OrtSession.Result result = session.run(Collections.singletonMap(inputName, tensor))) {
            return logits((OnnxTensor) result.get(0));
        }
    }

    /** The leanest use of the Java API: one input tensor over a direct buffer, refilled per request. */
    float[] runReused(float[] input) throws OrtException {
        direct.clear();
        direct.put(input);
        try (OrtSession.Result result = session.run(reusedInputs)) {
            return logits((OnnxTensor) result.get(0));
        }
    }

    private static float[] logits(OnnxTensor out) {
        FloatBuffer buffer = out.getFloatBuffer();
        if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.array().length == buffer.remaining()) {
            return buffer.array();
        }
        float[] copy = new float[buffer.remaining()];
        buffer.get(copy);
        return copy;
    }

    @Override
    public void close() throws OrtException {
        reusedInput.close();
        session.close();
    }
}
