package io.dynofa.ort.internal;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.SessionOptions;

/**
 * ONNX Runtime's CUDA execution provider on one GPU. Appending it loads the provider library and,
 * through it, CUDA 12 and cuDNN 9: it fails on a build without CUDA, and on a host without a GPU or
 * without those libraries (even though the GPU build lists CUDA among its available providers).
 */
public record CudaProvider(int deviceId) implements ExecutionProvider {

    public CudaProvider {
        if (deviceId < 0) {
            throw new IllegalArgumentException("CUDA device id must be >= 0, got " + deviceId);
        }
    }

    @Override
    public String label() {
        return "CUDA device " + deviceId;
    }

    @Override
    public String device() {
        return "cuda:" + deviceId;
    }

    @Override
    public void appendTo(SessionOptions options) throws OrtException {
        options.addCUDA(deviceId);
    }
}
