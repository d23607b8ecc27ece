package io.dynofa.backend.cpu.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.backend.api.LoadedModel;
import io.dynofa.config.testing.TestBundle;
import io.dynofa.inference.api.Tensor;
import io.dynofa.ort.internal.OrtLoadedModelTest;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.osgi.framework.Constants;

/** The CPU backend's component: its service and what a modified configuration does to it. */
public class CpuBackendComponentTest {
    private final TestBundle bundle = new TestBundle();

    @Test
    public void aBadEditKeepsTheBackendServingWithItsSettingsAndAGoodOneAppliesToTheModelsLoadedNext()
        throws Exception {
        CpuBackendComponent backend = new CpuBackendComponent(bundle.context(),
            Map.of("dynofa.backend.id", "cpu2", "intraOpThreads", "2", "service.pid", CpuBackendComponent.PID + "~b"));
        try (LoadedModel before = backend.load("tiny", OrtLoadedModelTest.tinyModel())) {
            assertRegistered(backend, "cpu2", "2 intra-op threads");

            backend.modified(Map.of("dynofa.backend.id", "cpu2", "intraOpThreads", "abc"));
            assertEquals(List.of("intraOpThreads 'abc' rejected (not a whole number); keeping 2"), bundle.problems());
            assertRegistered(backend, "cpu2", "2 intra-op threads");

            backend.modified(Map.of("\u0001#?", "garbage"));
            assertTrue(bundle.problems().get(0), bundle.problems().get(0).startsWith("unknown key "));
            assertRegistered(backend, "cpu2", "2 intra-op threads");

            backend.modified(Map.of("dynofa.backend.id", "cpu2", "intraOpThreads", "3"));
            assertEquals(List.of(), bundle.problems());
            assertRegistered(backend, "cpu2", "3 intra-op threads");
            assertArrayEquals("a model loaded before still runs", new long[] {1, 10},
                before.run(Tensor.ofFloats(OrtLoadedModelTest.images(1, 7), 1, 1, 28, 28)).shape());
        } finally {
            backend.deactivate();
        }
        assertEquals("the backend and its problem source withdrawn", List.of(), bundle.services(Object.class));
    }

    @Test
    public void withoutAConfigurationItIsTheDefaultCpuBackend() {
        CpuBackendComponent backend = new CpuBackendComponent(bundle.context(), Map.of());
        try {
            assertRegistered(backend, "cpu", "1 intra-op thread");
            assertEquals(List.of(), bundle.problems());
        } finally {
            backend.deactivate();
        }
    }

    private void assertRegistered(CpuBackendComponent backend, String id, String threads) {
        List<TestBundle.Registered> services = bundle.services(DeviceBackend.class);
        assertEquals(1, services.size());
        assertSame(backend, services.get(0).service());
        assertEquals(id, backend.id());
        assertEquals(id, services.get(0).properties().get(DeviceBackend.BACKEND_ID));
        assertTrue(backend.description(), backend.description().contains(threads));
        assertEquals(backend.description(), services.get(0).properties().get(Constants.SERVICE_DESCRIPTION));
    }
}
