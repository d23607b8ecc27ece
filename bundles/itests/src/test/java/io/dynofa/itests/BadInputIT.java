package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.dynofa.family.api.ModelFamily;
import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InferenceService;
import io.dynofa.inference.api.Tensor;
import io.dynofa.runtime.api.Problem;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.Test;

/** Bad input of every kind gets a clear error and the runtime keeps serving. */
public class BadInputIT extends GatewayIT {

    @Test
    public void wrongShapeDtypeAndNaNAreRejectedClearly() throws Exception {
        ready();
        InferenceService service = inference();
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
        assertEquals(10, service.infer(validInput()).output().floats().length);
        float[] batch = new float[3 * 28 * 28];
        Arrays.fill(batch, 0.25f);
        assertEquals(30, service.infer(Tensor.ofFloats(batch, 3, 1, 28, 28)).output().floats().length);
    }

    @Test
    public void unknownFamilyOrPolicyInConfigKeepsServing() throws Exception {
        ready();
        RuntimeControl control = control();
        configure(RUNTIME_PID, Map.of("family", "no-such-family", "policy", "no-such-policy"));
        await("the unknown family and policy named").untilAsserted(() -> {
            RuntimeStatus status = control.status();
            List<Problem> fallback = status.problems(Problem.FAMILY_FALLBACK);
            assertTrue("the family named; problems " + status.problemDetails(), fallback.stream()
                .anyMatch(p -> FAMILY.equals(p.subject()) && p.text().contains("'no-such-family'")));
            assertTrue("the policy named; problems " + status.problemDetails(), status
                .problems(Problem.POLICY_UNKNOWN).stream().anyMatch(p -> "no-such-policy".equals(p.subject())));
        });
        RuntimeStatus status = control.status();
        assertEquals(RuntimeStatus.State.READY, status.state());
        assertEquals(FAMILY, status.familyId());
        await("the fallback policy in use").untilAsserted(() ->
            assertEquals("status " + control.status(), "dynofa-step", control.status().policy()));
        assertEquals(FAMILY, inference().infer(validInput()).familyId());
        configure(RUNTIME_PID, Map.of("family", FAMILY));
    }

    @Test
    public void brokenFamiliesAreRefusedAndTheGoodOneServes() throws Exception {
        ready();
        RuntimeControl control = control();
        Path models = modelsDir();
        Path good = models.resolve(FAMILY);
        Path mismatch = FamilyFolders.copyAs(good, models.resolve("broken-sha"), "broken-sha");
        FamilyFolders.corrupt(mismatch, FamilyFolders.firstLevelFile(mismatch), false);
        Path missing = FamilyFolders.copyAs(good, models.resolve("broken-missing"), "broken-missing");
        Files.delete(missing.resolve(FamilyFolders.firstLevelFile(missing)));
        Path manifest = FamilyFolders.copyAs(good, models.resolve("broken-manifest"), "broken-manifest");
        Files.writeString(manifest.resolve("manifest.json"), "{\"schemaVersion\": 1, \"family\": ");
        Path badModel = FamilyFolders.copyAs(good, models.resolve("bad-model"), "bad-model");
        String badFile = FamilyFolders.firstLevelFile(badModel);
        FamilyFolders.corrupt(badModel, badFile, true);

        await("bad-model registered").untilAsserted(() ->
            assertTrue("families " + control.families(), control.families().contains("bad-model")));
        for (String id : List.of("broken-sha", "broken-missing", "broken-manifest")) {
            await("folder " + id + " refused by the family provider").untilAsserted(() -> assertTrue("problems "
                + control.status().problemDetails(), control.status().problems(Problem.FAMILY_REFUSED).stream()
                    .anyMatch(p -> id.equals(p.subject()))));
            assertNull(id + " must not be registered",
                current(ModelFamily.class, "(" + ModelFamily.FAMILY_ID + "=" + id + ")"));
        }
        try {
            configure(RUNTIME_PID, Map.of("family", "bad-model"));
            await("bad-model serving without its corrupt level").untilAsserted(() ->
                assertEquals("status " + control.status(), "bad-model", control.status().familyId()));
            String level = badFile.replace(".onnx", "");
            await("status naming the corrupt level refused").untilAsserted(() -> assertTrue("problems "
                + control.status().problemDetails(), control.status().problems(Problem.LEVEL_REFUSED).stream()
                    .anyMatch(p -> level.equals(p.subject()))));
            assertTrue(control.levels().stream().noneMatch(l -> l.id().equals(level)));
            assertEquals("bad-model", inference().infer(validInput()).familyId());
        } finally {
            configure(RUNTIME_PID, Map.of("family", FAMILY));
        }
        await("back on the good family").untilAsserted(() ->
            assertEquals("status " + control.status(), FAMILY, control.status().familyId()));
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
