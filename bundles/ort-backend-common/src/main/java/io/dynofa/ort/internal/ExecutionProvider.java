package io.dynofa.ort.internal;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.SessionOptions;

/**
 * The device an ONNX Runtime backend runs on: the one thing in which the CPU and GPU backends differ.
 * ONNX Runtime always keeps its CPU provider as the fallback for operators another provider lacks.
 */
public interface ExecutionProvider {

    /** ONNX Runtime's own CPU provider: nothing to append. */
    ExecutionProvider CPU = new ExecutionProvider() {
        @Override
        public String label() {
            return "CPU";
        }

        @Override
        public String device() {
            return "cpu";
        }

        @Override
        public void appendTo(SessionOptions options) {
            // the CPU provider is always present
        }
    };

    /** For descriptions, e.g. {@code CPU} or {@code CUDA device 0}. */
    String label();

    /** The device, as in the service property {@link io.dynofa.backend.api.DeviceBackend#DEVICE}: e.g. {@code cuda:0}. */
    String device();

    /**
     * Adds this provider to {@code options}.
     *
     * @throws OrtException when this ONNX Runtime build or this host cannot provide it
     */
    void appendTo(SessionOptions options) throws OrtException;
}
