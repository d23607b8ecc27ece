package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.dynofa.inference.api.InferenceResult;
import io.dynofa.inference.api.Tensor;
import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.Problem;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import io.dynofa.util.internal.Idx;
import io.dynofa.util.internal.IdxReader;
import io.dynofa.util.internal.IdxReader.DimensionCheck;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * Model files are untrusted input: a family whose levels include hostile ones built in the test
 * ({@link HostileFamily}) still serves from its good levels, and each hostile level is refused and named in
 * status, never served. External data outside the family folder, the wrong class count, NaN outputs, damaged
 * weights behind a correct hash, and a level too slow to load within {@code levelLoadTimeoutMs}.
 */
public class HostileModelIT extends GatewayIT {
    /** Far above what a good level takes here (well under a second), far below the slow level (a minute). */
    private static final String LEVEL_TIMEOUT_MS = "6000";
    private static final Map<String, String> RUNTIME = Map.of("levelLoadTimeoutMs", LEVEL_TIMEOUT_MS,
        "decisionIntervalMs", "50", "warmupRuns", "10", "profileRuns", "20");

    private static HostileFamily.Linear external;

    @Override
    protected Map<String, Map<String, String>> configurations() {
        return Map.of(RUNTIME_PID, RUNTIME);
    }

    @Test
    public void externalDataOutsideTheFolderIsRefusedAndAListedHashedFileServes() throws Exception {
        RuntimeControl control = serving();
        assertRefused(control, HostileFamily.TRAVERSAL_LEVEL, HostileFamily.TRAVERSAL);
        assertFalse(activeIds(control).contains(HostileFamily.TRAVERSAL_LEVEL));

        Idx images = IdxReader.readAll(modelsDir().resolve(SAMPLE).resolve("t10k-images-idx3-ubyte.gz"),
            DimensionCheck.ANY);
        control.pin(HostileFamily.EXTERNAL_LEVEL);
        try {
            await(HostileFamily.EXTERNAL_LEVEL + " in use").untilAsserted(() -> assertEquals("status "
                + control.status(), HostileFamily.EXTERNAL_LEVEL, control.status().levelId()));
            for (int i = 0; i < 20; i++) {
                float[] x = HostileFamily.pixels(images, i);
                InferenceResult result = inference().infer(Tensor.ofFloats(x, 1, 1, 28, 28));
                assertEquals(HostileFamily.EXTERNAL_LEVEL, result.levelId());
                assertArrayEquals("image " + i, external.logits(x), result.output().floats(), 1e-3f);
            }
        } finally {
            control.unpin();
        }

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> control.pin(HostileFamily.TRAVERSAL_LEVEL));
        assertTrue(refused.getMessage(), refused.getMessage().contains(HostileFamily.TRAVERSAL_LEVEL));
        float[] secret = secretAsFloats();
        for (int i = 0; i < 50; i++) {
            InferenceResult result = inference().infer(validInput());
            assertNotEquals(HostileFamily.TRAVERSAL_LEVEL, result.levelId());
            assertFalse("an output holds the file's bytes", Arrays.equals(secret, result.output().floats()));
        }
    }

    @Test
    public void aWrongClassCountIsRefused() throws Exception {
        RuntimeControl control = serving();
        assertRefused(control, "classes-5", "[N, 5]");
        assertRefused(control, "classes-1000", "[N, 1000]");
    }

    @Test
    public void nanOutputsAreRefused() throws Exception {
        assertRefused(serving(), "nan", "NaN");
    }

    @Test
    public void damagedWeightsBehindACorrectHashAreRefusedByTheSampleCheck() throws Exception {
        assertRefused(serving(), "damaged", "top-1");
    }

    @Test
    public void aLevelTooSlowToLoadIsRefusedAndTheOthersServe() throws Exception {
        RuntimeControl control = serving();
        assertRefused(control, "slow", "levelLoadTimeoutMs");
        RuntimeStatus status = control.status();
        assertEquals(RuntimeStatus.State.READY, status.state());
        assertEquals(HostileFamily.ID, status.familyId());
        assertEquals(HostileFamily.ID, inference().infer(validInput()).familyId());
    }

    @Test
    public void onlyTheGoodLevelsServe() throws Exception {
        RuntimeControl control = serving();
        List<String> active = activeIds(control);
        List<String> good = new ArrayList<>(HostileFamily.SHIPPED);
        good.add(HostileFamily.EXTERNAL_LEVEL);
        assertTrue("active " + active, good.containsAll(active));
        assertTrue("the fastest good level is active: " + active, active.contains(HostileFamily.EXTERNAL_LEVEL));
        List<Problem> refused = control.status().problems(Problem.LEVEL_REFUSED);
        for (String level : good) {
            assertTrue(level + " refused: " + refused, refused.stream().noneMatch(p -> level.equals(p.subject())));
        }
        Map<String, Integer> servedBy = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            servedBy.merge(inference().infer(validInput()).levelId(), 1, Integer::sum);
        }
        assertTrue("served by " + servedBy, good.containsAll(servedBy.keySet()));
    }

    /** The runtime serving the hostile family, written and selected on first use (once per framework). */
    private RuntimeControl serving() throws Exception {
        ready();
        RuntimeControl control = control();
        synchronized (HostileModelIT.class) {
            if (external == null) {
                external = HostileFamily.write(modelsDir());
                await("family " + HostileFamily.ID + " registered").untilAsserted(() ->
                    assertTrue("families " + control.families(), control.families().contains(HostileFamily.ID)));
                Map<String, String> runtime = new HashMap<>(RUNTIME);
                runtime.put("family", HostileFamily.ID);
                configure(RUNTIME_PID, runtime);
            }
        }
        await("serving " + HostileFamily.ID).untilAsserted(() -> {
            RuntimeStatus status = control.status();
            assertEquals("family; status " + status, HostileFamily.ID, status.familyId());
            assertEquals("state; status " + status, RuntimeStatus.State.READY, status.state());
        });
        return control;
    }

    /**
     * Waits for level {@code levelId} of the family to be refused in status, its text naming the level and
     * {@code detail} (the value that shows why: a path, a shape, a setting), and checks that it does not serve.
     */
    private static void assertRefused(RuntimeControl control, String levelId, String detail) {
        await("level " + levelId + " refused, naming " + detail).untilAsserted(() -> {
            List<Problem> refused = control.status().problems(Problem.LEVEL_REFUSED);
            assertTrue("refused " + refused, refused.stream().anyMatch(p -> levelId.equals(p.subject())
                && p.text().contains(HostileFamily.ID + "/" + levelId) && p.text().contains(detail)));
        });
        assertFalse(activeIds(control).contains(levelId));
    }

    private static List<String> activeIds(RuntimeControl control) {
        return control.levels().stream().map(Level::id).toList();
    }

    /** The first bytes of the file the traversal points at, as the floats a level would return; empty if none. */
    private static float[] secretAsFloats() throws Exception {
        Path secret = Path.of("/etc/passwd");
        if (!Files.isReadable(secret)) {
            return new float[0];
        }
        byte[] bytes = Arrays.copyOf(Files.readAllBytes(secret), 40);
        float[] floats = new float[10];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(floats);
        return floats;
    }
}
