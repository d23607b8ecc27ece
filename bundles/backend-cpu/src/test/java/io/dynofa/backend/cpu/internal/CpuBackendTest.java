package io.dynofa.backend.cpu.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import ai.onnxruntime.OrtEnvironment;
import io.dynofa.backend.api.BackendException;
import io.dynofa.backend.api.LoadedModel;
import io.dynofa.inference.api.Tensor;
import io.dynofa.ort.internal.OrtLoadedModelTest;
import io.dynofa.ort.internal.OrtProbe;
import io.dynofa.ort.internal.OrtSettings;
import java.util.Optional;
import org.junit.Test;

/** The CPU backend as its bundle builds it (the ONNX Runtime code itself is tested in ort-backend-common). */
public class CpuBackendTest {
    private static final String VERSION = OrtEnvironment.getEnvironment().getVersion();

    @Test
    public void defaultBackendIsAvailableAndDescribesItself() {
        CpuBackend backend = new CpuBackend(OrtSettings.defaults(CpuBackend.DEFAULT_ID));
        assertEquals("cpu", backend.id());
        assertEquals(Optional.empty(), backend.unavailableReason());
        assertEquals("ONNX Runtime " + VERSION + " CPU, 1 intra-op thread, ALL_OPT, arena on", backend.description());
    }

    @Test
    public void loadsAndRunsAModel() throws Exception {
        try (LoadedModel model = new CpuBackend(OrtSettings.defaults("cpu")).load("tiny", OrtLoadedModelTest.tinyModel())) {
            Tensor out = model.run(Tensor.ofFloats(OrtLoadedModelTest.images(2, 7), 2, 1, 28, 28));
            assertArrayEquals(new long[] {2, 10}, out.shape());
        }
    }

    @Test
    public void unavailableBackendRefusesToLoad() {
        CpuBackend backend = new CpuBackend(OrtSettings.defaults("cpu"), OrtProbe.unavailable("no native library"));
        BackendException e = assertThrows(BackendException.class, () -> backend.load("m", new byte[0]));
        assertEquals("model 'm' could not be loaded: backend 'cpu' is unavailable: no native library", e.getMessage());
    }
}
