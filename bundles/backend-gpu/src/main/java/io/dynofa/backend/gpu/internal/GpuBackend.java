package io.dynofa.backend.gpu.internal;

import io.dynofa.ort.internal.CudaProvider;
import io.dynofa.ort.internal.OrtBackend;
import io.dynofa.ort.internal.OrtProbe;
import io.dynofa.ort.internal.OrtSettings;

/**
 * The GPU device backend, independent of OSGi: ONNX Runtime's CUDA execution provider on one device.
 * It is usable only when appending the CUDA provider works here (the GPU build of ONNX Runtime lists CUDA
 * as available even on a host without a GPU or without CUDA 12 and cuDNN 9); otherwise it says why.
 */
public class GpuBackend extends OrtBackend {
    static final String DEFAULT_ID = "gpu";

    public GpuBackend(OrtSettings settings, int deviceId) {
        this(settings, new CudaProvider(deviceId));
    }

    private GpuBackend(OrtSettings settings, CudaProvider provider) {
        super(settings, provider, OrtProbe.run(provider));
    }
}
