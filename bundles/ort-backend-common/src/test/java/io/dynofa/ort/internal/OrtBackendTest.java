package io.dynofa.ort.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import io.dynofa.backend.api.BackendException;
import io.dynofa.backend.api.LoadedModel;
import io.dynofa.inference.api.Tensor;
import java.util.Optional;
import org.junit.Test;

public class OrtBackendTest {
    private static final String VERSION = OrtEnvironment.getEnvironment().getVersion();

    private static OrtBackend cpu(OrtSettings settings) {
        return new OrtBackend(settings, ExecutionProvider.CPU, OrtProbe.run());
    }

    @Test
    public void descriptionFollowsTheSettingsAndTheProvider() {
        OrtSettings settings = new OrtSettings("cpu2", 2, 3, OptimizationLevel.BASIC_OPT, false, ExecutionMode.PARALLEL);
        assertEquals("ONNX Runtime " + VERSION + " CPU, 2 intra-op threads, 3 inter-op threads, parallel, no spinning,"
            + " BASIC_OPT, arena off", cpu(settings).description());
        assertEquals("ONNX Runtime " + VERSION + " CPU, default intra-op threads, no spinning, ALL_OPT, arena on",
            cpu(intraOpThreads(0)).description());
        assertEquals("ONNX Runtime " + VERSION + " CPU, 2 intra-op threads, spinning, ALL_OPT, arena on",
            cpu(new OrtSettings("cpu2", 2, 1, OptimizationLevel.ALL_OPT, true, ExecutionMode.SEQUENTIAL, true))
                .description());
        assertEquals("ONNX Runtime " + VERSION + " CUDA device 1, 1 intra-op thread, ALL_OPT, arena on",
            new OrtBackend(OrtSettings.defaults("gpu"), new CudaProvider(1), OrtProbe.run()).description());
    }

    @Test
    public void loadsAndRunsAModel() throws Exception {
        try (LoadedModel model = cpu(OrtSettings.defaults("cpu")).load("tiny", OrtLoadedModelTest.tinyModel())) {
            Tensor out = model.run(Tensor.ofFloats(OrtLoadedModelTest.images(2, 7), 2, 1, 28, 28));
            assertArrayEquals(new long[] {2, 10}, out.shape());
        }
    }

    @Test
    public void unavailableBackendSaysWhyAndRefusesToLoad() {
        OrtBackend backend = new OrtBackend(OrtSettings.defaults("cpu"), ExecutionProvider.CPU,
            OrtProbe.unavailable("no native library"));
        assertEquals(Optional.of("no native library"), backend.unavailableReason());
        BackendException e = assertThrows(BackendException.class, () -> backend.load("m", new byte[0]));
        assertEquals("model 'm' could not be loaded: backend 'cpu' is unavailable: no native library", e.getMessage());
    }

    @Test
    public void probeFindsTheCpuProvider() {
        OrtProbe probe = OrtProbe.run();
        assertEquals(Optional.empty(), probe.unavailableReason());
        assertTrue(probe.environment().isPresent());
        assertEquals(VERSION, probe.version());
    }

    /**
     * The detection path of the GPU backend, proven without a GPU: this (CPU-only) ONNX Runtime build
     * cannot append the CUDA provider, so a CUDA backend is unavailable, says why and loads nothing.
     */
    @Test
    public void cudaIsUnusableWithoutItsProviderAndTheBackendSaysWhy() {
        Optional<String> reason = OrtProbe.whyUnusable(new CudaProvider(0));
        assertTrue(reason.isPresent());
        assertTrue(reason.get(), reason.get().startsWith("CUDA device 0 cannot be used: "));
        assertTrue(reason.get(), reason.get().length() > "CUDA device 0 cannot be used: ".length());

        OrtBackend gpu = new OrtBackend(OrtSettings.defaults("gpu"), new CudaProvider(0),
            OrtProbe.run(new CudaProvider(0)));
        assertEquals(reason, gpu.unavailableReason());
        BackendException e = assertThrows(BackendException.class, () -> gpu.load("m", OrtLoadedModelTest.tinyModel()));
        assertTrue(e.getMessage(), e.getMessage().contains("backend 'gpu' is unavailable: CUDA device 0 cannot be used"));
    }

    @Test
    public void cpuIsAlwaysUsable() {
        assertEquals(Optional.empty(), OrtProbe.whyUnusable(ExecutionProvider.CPU));
    }

    @Test
    public void invalidSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> intraOpThreads(-1));
        assertThrows(IllegalArgumentException.class, () -> OrtSettings.defaults(" "));
        assertThrows(IllegalArgumentException.class, () -> new CudaProvider(-1));
    }

    private static OrtSettings intraOpThreads(int threads) {
        return new OrtSettings("cpu", threads, 1, OptimizationLevel.ALL_OPT, true, ExecutionMode.SEQUENTIAL);
    }
}
