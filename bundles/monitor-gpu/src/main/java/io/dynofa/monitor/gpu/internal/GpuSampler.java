package io.dynofa.monitor.gpu.internal;

import java.io.IOException;

/** Samples the GPUs; {@link #sample()} runs on one thread, {@link #latest()} on any. */
final class GpuSampler {
    private final NvidiaSmi nvidiaSmi;
    private volatile GpuReading latest = GpuReading.unavailable("not sampled yet");

    GpuSampler(NvidiaSmi nvidiaSmi) {
        this.nvidiaSmi = nvidiaSmi;
    }

    /** Replaces the latest reading; never throws. Any failure makes the monitor unavailable, saying why. */
    void sample() {
        try {
            latest = GpuReading.of(NvidiaSmiOutput.parse(nvidiaSmi.query()));
        } catch (IOException | IllegalArgumentException e) {
            latest = GpuReading.unavailable(nvidiaSmi.executable() + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    GpuReading latest() {
        return latest;
    }
}
