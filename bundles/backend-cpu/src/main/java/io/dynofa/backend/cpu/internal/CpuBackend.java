package io.dynofa.backend.cpu.internal;

import io.dynofa.ort.internal.ExecutionProvider;
import io.dynofa.ort.internal.OrtBackend;
import io.dynofa.ort.internal.OrtProbe;
import io.dynofa.ort.internal.OrtSettings;

/** The CPU device backend, independent of OSGi: ONNX Runtime's CPU execution provider. */
public class CpuBackend extends OrtBackend {
    static final String DEFAULT_ID = "cpu";

    public CpuBackend(OrtSettings settings) {
        this(settings, OrtProbe.run(ExecutionProvider.CPU));
    }

    CpuBackend(OrtSettings settings, OrtProbe probe) {
        super(settings, ExecutionProvider.CPU, probe);
    }
}
