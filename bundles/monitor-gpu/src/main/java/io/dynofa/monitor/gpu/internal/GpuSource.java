package io.dynofa.monitor.gpu.internal;

import io.dynofa.monitor.common.internal.Reading;
import io.dynofa.monitor.common.internal.ReadingSource;
import java.io.IOException;

/** The GPUs as nvidia-smi reports them; any failure makes the monitor unavailable, saying why. */
final class GpuSource implements ReadingSource {
    private final NvidiaSmi nvidiaSmi;

    GpuSource(NvidiaSmi nvidiaSmi) {
        this.nvidiaSmi = nvidiaSmi;
    }

    @Override
    public Reading read() throws IOException, InterruptedException {
        return Reading.of(NvidiaSmiOutput.parse(nvidiaSmi.query()));
    }

    @Override
    public String unavailableReason(Exception failure) {
        return nvidiaSmi.executable() + " failed: " + failure.getMessage();
    }
}
