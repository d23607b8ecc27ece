package io.dynofa.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.dynofa.family.api.ModelFamily;
import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InferenceService;
import io.dynofa.inference.api.Tensor;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/** Bad input of every kind gets a clear error and the runtime keeps serving. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BadInputIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return ItSupport.gateway(getClass(), Map.of());
    }

    @Test
    public void wrongShapeDtypeAndNaNAreRejectedClearly() throws Exception {
        Gateway gateway = new Gateway(context);
        gateway.ready();
        InferenceService service = gateway.inference();
        assertInvalid(service, Tensor.ofFloats(new float[27 * 28], 1, 1, 27, 28), "does not match [N, 1, 28, 28]");
        assertInvalid(service, Tensor.ofFloats(new float[28 * 28], 1, 28, 28), "rank 3");
        assertInvalid(service, Tensor.ofBytes(new byte[28 * 28], 1, 1, 28, 28), "dtype uint8");
        float[] nan = new float[28 * 28];
        nan[100] = Float.NaN;
        assertInvalid(service, Tensor.ofFloats(nan, 1, 1, 28, 28), "element 100 is NaN");
        try {
            service.inferAsync(Tensor.ofFloats(new float[5], 5)).get();
            fail("async bad input must fail");
        } catch (ExecutionException e) {
            assertEquals(InferenceException.Reason.INVALID_INPUT, ((InferenceException) e.getCause()).reason());
        }
        assertEquals(10, service.infer(Gateway.validInput()).output().floats().length);
        float[] batch = new float[3 * 28 * 28];
        Arrays.fill(batch, 0.25f);
        assertEquals(30, service.infer(Tensor.ofFloats(batch, 3, 1, 28, 28)).output().floats().length);
    }

    @Test
    public void unknownFamilyOrPolicyInConfigKeepsServing() throws Exception {
        Gateway gateway = new Gateway(context);
        gateway.ready();
        RuntimeControl control = gateway.control();
        gateway.configure("io.dynofa.runtime", Map.of("family", "no-such-family", "policy", "no-such-policy"));
        Gateway.await(() -> "problems reported; status " + control.status(), () ->
            control.status().problems().stream().anyMatch(p -> p.contains("family 'no-such-family' is not registered"))
                && control.status().problems().stream().anyMatch(p -> p.contains("'no-such-policy' is not installed")));
        RuntimeStatus status = control.status();
        assertEquals(RuntimeStatus.State.READY, status.state());
        assertEquals(ItSupport.FAMILY, status.familyId());
        Gateway.awaitValue(() -> control.status().policy(), "dynofa-step");
        assertEquals(ItSupport.FAMILY, gateway.inference().infer(Gateway.validInput()).familyId());
        gateway.configure("io.dynofa.runtime", Map.of("family", ItSupport.FAMILY));
    }

    @Test
    public void brokenFamiliesAreRefusedAndTheGoodOneServes() throws Exception {
        Gateway gateway = new Gateway(context);
        gateway.ready();
        RuntimeControl control = gateway.control();
        Path models = ItSupport.modelsDir(getClass());
        Path good = models.resolve(ItSupport.FAMILY);
        Path mismatch = broken(good, models, "broken-sha");
        Fixtures.corrupt(mismatch, Fixtures.firstLevelFile(mismatch), false);
        Path missing = broken(good, models, "broken-missing");
        Files.delete(missing.resolve(Fixtures.firstLevelFile(missing)));
        Path manifest = broken(good, models, "broken-manifest");
        Files.writeString(manifest.resolve("manifest.json"), "{\"schemaVersion\": 1, \"family\": ");
        Path badModel = broken(good, models, "bad-model");
        String badFile = Fixtures.firstLevelFile(badModel);
        Fixtures.corrupt(badModel, badFile, true);

        Gateway.await(() -> "bad-model registered; families " + control.families(),
            () -> control.families().contains("bad-model"));
        Gateway.sleep(1000);
        for (String id : new String[] {"broken-sha", "broken-missing", "broken-manifest"}) {
            assertNull(id + " must not be registered",
                gateway.current(ModelFamily.class, "(" + ModelFamily.FAMILY_ID + "=" + id + ")"));
        }
        try {
            gateway.configure("io.dynofa.runtime", Map.of("family", "bad-model"));
            Gateway.await(() -> "bad-model serving without its corrupt level; status " + control.status(),
                () -> "bad-model".equals(control.status().familyId()));
            String level = badFile.replace(".onnx", "");
            Gateway.await(() -> "status naming the corrupt level: " + control.status().problems(),
                () -> control.status().problems().stream().anyMatch(p -> p.contains(level) && p.contains("refused")));
            assertTrue(control.levels().stream().noneMatch(l -> l.id().equals(level)));
            assertEquals("bad-model", gateway.inference().infer(Gateway.validInput()).familyId());
        } finally {
            gateway.configure("io.dynofa.runtime", Map.of("family", ItSupport.FAMILY));
        }
        Gateway.await("back on the good family", () -> ItSupport.FAMILY.equals(control.status().familyId()));
    }

    private static Path broken(Path good, Path models, String id) {
        Path dir = models.resolve(id);
        ItSupport.copyTree(good, dir);
        Fixtures.rewriteFamilyId(dir, id);
        return dir;
    }

    private static void assertInvalid(InferenceService service, Tensor input, String expected) {
        try {
            service.infer(input);
            fail("accepted " + input);
        } catch (InferenceException e) {
            assertEquals(e.getMessage(), InferenceException.Reason.INVALID_INPUT, e.reason());
            assertTrue("'" + e.getMessage() + "' should say '" + expected + "'", e.getMessage().contains(expected));
        }
    }
}
