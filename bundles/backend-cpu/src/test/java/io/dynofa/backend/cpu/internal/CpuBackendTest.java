package io.dynofa.backend.cpu.internal;

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

public class CpuBackendTest {
    private static final String VERSION = OrtEnvironment.getEnvironment().getVersion();

    @Test
    public void defaultBackendIsAvailableAndDescribesItself() {
        CpuBackend backend = new CpuBackend(CpuSettings.defaults());
        assertEquals("cpu", backend.id());
        assertEquals(Optional.empty(), backend.unavailableReason());
        assertEquals("ONNX Runtime " + VERSION + " CPU, 1 intra-op thread, ALL_OPT, arena on", backend.description());
    }

    @Test
    public void descriptionFollowsTheSettings() {
        CpuSettings settings =
            new CpuSettings("cpu2", 2, 3, OptimizationLevel.BASIC_OPT, false, ExecutionMode.PARALLEL);
        assertEquals("ONNX Runtime " + VERSION + " CPU, 2 intra-op threads, 3 inter-op threads, parallel, BASIC_OPT,"
            + " arena off", new CpuBackend(settings).description());
        assertEquals("ONNX Runtime " + VERSION + " CPU, default intra-op threads, ALL_OPT, arena on",
            new CpuBackend(intraOpThreads(0)).description());
    }

    @Test
    public void loadsAndRunsAModel() throws Exception {
        try (LoadedModel model = new CpuBackend(CpuSettings.defaults()).load("tiny", OrtLoadedModelTest.tinyModel())) {
            Tensor out = model.run(Tensor.ofFloats(OrtLoadedModelTest.images(2, 7), 2, 1, 28, 28));
            assertArrayEquals(new long[] {2, 10}, out.shape());
        }
    }

    @Test
    public void unavailableBackendSaysWhyAndRefusesToLoad() {
        CpuBackend backend = new CpuBackend(CpuSettings.defaults(), OrtProbe.unavailable("no native library"));
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

    @Test
    public void invalidSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> intraOpThreads(-1));
        assertThrows(IllegalArgumentException.class,
            () -> new CpuSettings(" ", 1, 1, OptimizationLevel.ALL_OPT, true, ExecutionMode.SEQUENTIAL));
    }

    private static CpuSettings intraOpThreads(int threads) {
        return new CpuSettings("cpu", threads, 1, OptimizationLevel.ALL_OPT, true, ExecutionMode.SEQUENTIAL);
    }
}
