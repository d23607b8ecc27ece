package io.dynofa.manager.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.dynofa.backend.api.BackendException;
import io.dynofa.backend.api.LoadedModel;
import io.dynofa.inference.api.Tensor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Test;

public class SharedModelsTest {
    private static final byte[] L1 = "l1:1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] L2 = "l2:2".getBytes(StandardCharsets.UTF_8);
    private final SharedModels shared = new SharedModels();
    private final FakeBackend backend = new FakeBackend("cpu");

    @Test
    public void theSameFileOnTheSameBackendIsOneSessionWhateverTheHandles() throws Exception {
        LoadedModel a = shared.load(backend, "fam/l1", L1);
        LoadedModel b = shared.load(backend, "fam/l1", L1);
        assertNotSame(a, b);
        assertEquals(1, backend.loaded().size());
        assertEquals(new SharedModels.Sessions(1, 1), shared.sessions());
        assertEquals(1, shared.sharedAmong(List.of(a)));
    }

    @Test
    public void theSessionClosesWithItsLastHandleAndAClosedHandleRunsNothing() throws Exception {
        LoadedModel a = shared.load(backend, "fam/l1", L1);
        LoadedModel b = shared.load(backend, "fam/l1", L1);
        a.close();
        a.close();
        assertFalse("a handle closed twice gives back one", backend.loaded("l1").isClosed());
        assertThrows(BackendException.class, () -> a.run(Tensor.ofFloats(new float[4], 1, 1, 2, 2)));
        b.run(Tensor.ofFloats(new float[4], 1, 1, 2, 2));
        b.close();
        assertTrue(backend.loaded("l1").isClosed());
        assertEquals(new SharedModels.Sessions(0, 0), shared.sessions());
        shared.load(backend, "fam/l1", L1);
        assertEquals("loaded anew once closed", 2, backend.loaded().size());
    }

    @Test
    public void anotherHandleSharesTheSessionWithoutALoadAndNoneComesFromAClosedOne() throws Exception {
        LoadedModel first = shared.load(backend, "fam/l1", L1);
        LoadedModel second = ModelSource.DIRECT.another(first).orElseThrow();
        assertEquals(1, backend.loaded().size());
        assertEquals(new SharedModels.Sessions(1, 1), shared.sessions());
        first.close();
        assertTrue(ModelSource.DIRECT.another(first).isEmpty());
        second.run(Tensor.ofFloats(new float[4], 1, 1, 2, 2));
        second.close();
        assertTrue(backend.loaded("l1").isClosed());
        assertTrue("a handle not from SharedModels has none",
            ModelSource.DIRECT.another(backend.load("l2", L2)).isEmpty());
    }

    @Test
    public void anotherFileAnotherBackendOrAnotherConfigurationIsAnotherSession() throws Exception {
        shared.load(backend, "fam/l1", L1);
        shared.load(backend, "fam/l2", L2);
        shared.load(new FakeBackend("cpu"), "fam/l1", L1);
        shared.load(Renamed.backend(backend, "cpu-renamed"), "fam/l1", L1);
        assertEquals("a renamed backend is the same service", new SharedModels.Sessions(3, 1), shared.sessions());
        backend.describedAs("cpu, 2 threads");
        shared.load(backend, "fam/l1", L1);
        assertEquals(new SharedModels.Sessions(4, 1), shared.sessions());
    }

    @Test
    public void aFailedLoadLeavesNothingBehind() {
        assertThrows(BackendException.class, () -> shared.load(backend, "fam/x", "not a model".getBytes()));
        assertEquals(new SharedModels.Sessions(0, 0), shared.sessions());
    }
}
