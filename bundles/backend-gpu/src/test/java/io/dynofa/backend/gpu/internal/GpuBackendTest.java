package io.dynofa.backend.gpu.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeFalse;
import static org.junit.Assume.assumeTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import io.dynofa.backend.api.BackendException;
import io.dynofa.backend.api.LoadedModel;
import io.dynofa.inference.api.Tensor;
import io.dynofa.ort.internal.OrtLoadedModelTest;
import io.dynofa.ort.internal.OrtSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/**
 * The GPU backend on the real CUDA build of ONNX Runtime (the onnxruntime_gpu artifact is on the test
 * class path). Which test runs depends on the host: without an NVIDIA device the backend must say why it
 * is unavailable; with one it must run a model.
 */
public class GpuBackendTest {
    private static final boolean GPU_PRESENT = Files.exists(Path.of("/dev/nvidia0"));

    @Test
    public void theCudaBuildListsCudaEvenWithoutAGpu() {
        assertTrue(OrtEnvironment.getAvailableProviders().toString(),
            OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA));
    }

    @Test
    public void withoutAGpuTheBackendIsUnavailableSaysWhyAndLoadsNothing() {
        assumeFalse("an NVIDIA device is present", GPU_PRESENT);
        GpuBackend backend = new GpuBackend(OrtSettings.defaults("gpu"), 0);
        String reason = backend.unavailableReason().orElseThrow(() -> new AssertionError("usable without a GPU?"));
        assertTrue(reason, reason.startsWith("CUDA device 0 cannot be used: "));
        System.out.println("GPU backend unavailable here: " + reason);
        BackendException e = assertThrows(BackendException.class,
            () -> backend.load("tiny", OrtLoadedModelTest.tinyModel()));
        assertTrue(e.getMessage(), e.getMessage().contains("backend 'gpu' is unavailable: " + reason));
        assertEquals("gpu", backend.id());
        assertTrue(backend.description(), backend.description().contains("CUDA device 0"));
    }

    @Test
    public void withAGpuTheBackendRunsAModel() throws Exception {
        assumeTrue("no NVIDIA device here", GPU_PRESENT);
        try (LoadedModel model = new GpuBackend(OrtSettings.defaults("gpu"), 0)
            .load("tiny", OrtLoadedModelTest.tinyModel())) {
            Tensor out = model.run(Tensor.ofFloats(OrtLoadedModelTest.images(2, 7), 2, 1, 28, 28));
            assertArrayEquals(new long[] {2, 10}, out.shape());
        }
    }
}
