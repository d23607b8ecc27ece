package io.dynofa.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.dynofa.inference.api.InferenceResult;
import io.dynofa.inference.api.Tensor;
import io.dynofa.policy.api.Level;
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
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * Model files are untrusted input: a family whose levels include hostile ones built in the test
 * ({@link HostileFamily}) still serves from its good levels, and each hostile level is refused and named in
 * status, never served. External data outside the family folder, the wrong class count, NaN outputs, damaged
 * weights behind a correct hash, and a level too slow to load within {@code levelLoadTimeoutMs}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HostileModelIT {
    /** Far above what a good level takes here (well under a second), far below the slow level (a minute). */
    private static final String LEVEL_TIMEOUT_MS = "6000";
    private static final Map<String, String> RUNTIME = Map.of("levelLoadTimeoutMs", LEVEL_TIMEOUT_MS,
        "decisionIntervalMs", "50", "warmupRuns", "10", "profileRuns", "20");

    private static HostileFamily.Linear external;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return ItSupport.gateway(getClass(), Map.of("io.dynofa.runtime", RUNTIME));
    }

    @Test
    public void externalDataOutsideTheFolderIsRefusedAndAListedHashedFileServes() throws Exception {
        Gateway gateway = serving();
        RuntimeControl control = gateway.control();
        assertProblem(control, HostileFamily.TRAVERSAL_LEVEL,
            "external data '" + HostileFamily.TRAVERSAL + "' is outside the family folder");
        assertFalse(activeIds(control).contains(HostileFamily.TRAVERSAL_LEVEL));

        Idx images = IdxReader.readAll(ItSupport.modelsDir(getClass()).resolve(ItSupport.SAMPLE)
            .resolve("t10k-images-idx3-ubyte.gz"), DimensionCheck.ANY);
        control.pin(HostileFamily.EXTERNAL_LEVEL);
        try {
            Gateway.awaitValue(() -> control.status().levelId(), HostileFamily.EXTERNAL_LEVEL);
            for (int i = 0; i < 20; i++) {
                float[] x = HostileFamily.pixels(images, i);
                InferenceResult result = gateway.inference().infer(Tensor.ofFloats(x, 1, 1, 28, 28));
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
            InferenceResult result = gateway.inference().infer(Gateway.validInput());
            assertNotEquals(HostileFamily.TRAVERSAL_LEVEL, result.levelId());
            assertFalse("an output holds the file's bytes", Arrays.equals(secret, result.output().floats()));
        }
    }

    @Test
    public void aWrongClassCountIsRefused() throws Exception {
        RuntimeControl control = serving().control();
        assertProblem(control, "classes-5", "refused", "[N, 5]");
        assertProblem(control, "classes-1000", "refused", "[N, 1000]");
    }

    @Test
    public void nanOutputsAreRefused() throws Exception {
        assertProblem(serving().control(), "nan", "refused", "NaN");
    }

    @Test
    public void damagedWeightsBehindACorrectHashAreRefusedByTheSampleCheck() throws Exception {
        assertProblem(serving().control(), "damaged", "refused", "top-1");
    }

    @Test
    public void aLevelTooSlowToLoadIsRefusedAndTheOthersServe() throws Exception {
        Gateway gateway = serving();
        RuntimeControl control = gateway.control();
        assertProblem(control, "slow", "refused", "levelLoadTimeoutMs");
        RuntimeStatus status = control.status();
        assertEquals(RuntimeStatus.State.READY, status.state());
        assertEquals(HostileFamily.ID, status.familyId());
        assertEquals(HostileFamily.ID, gateway.inference().infer(Gateway.validInput()).familyId());
    }

    @Test
    public void onlyTheGoodLevelsServe() throws Exception {
        Gateway gateway = serving();
        RuntimeControl control = gateway.control();
        List<String> active = activeIds(control);
        List<String> good = new ArrayList<>(HostileFamily.SHIPPED);
        good.add(HostileFamily.EXTERNAL_LEVEL);
        assertTrue("active " + active, good.containsAll(active));
        assertTrue("the fastest good level is active: " + active, active.contains(HostileFamily.EXTERNAL_LEVEL));
        for (String level : good) {
            assertTrue(level + " named in " + control.status().problems(), control.status().problems().stream()
                .noneMatch(p -> p.contains("level " + HostileFamily.ID + "/" + level + " ")));
        }
        Map<String, Integer> servedBy = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            servedBy.merge(gateway.inference().infer(Gateway.validInput()).levelId(), 1, Integer::sum);
        }
        assertTrue("served by " + servedBy, good.containsAll(servedBy.keySet()));
    }

    /** The gateway serving the hostile family, written and selected on first use (once per framework). */
    private Gateway serving() throws Exception {
        Gateway gateway = new Gateway(context);
        gateway.ready();
        RuntimeControl control = gateway.control();
        synchronized (HostileModelIT.class) {
            if (external == null) {
                external = HostileFamily.write(ItSupport.modelsDir(getClass()));
                Gateway.await(() -> "family " + HostileFamily.ID + " registered; families " + control.families(),
                    () -> control.families().contains(HostileFamily.ID));
                Map<String, String> runtime = new HashMap<>(RUNTIME);
                runtime.put("family", HostileFamily.ID);
                gateway.configure("io.dynofa.runtime", runtime);
            }
        }
        Gateway.await(() -> "serving " + HostileFamily.ID + "; status " + control.status(),
            () -> HostileFamily.ID.equals(control.status().familyId())
                && control.status().state() == RuntimeStatus.State.READY);
        return gateway;
    }

    /** Waits for a status problem naming level {@code levelId} of the family and containing every part. */
    private static void assertProblem(RuntimeControl control, String levelId, String... parts) {
        String name = "level " + HostileFamily.ID + "/" + levelId + " ";
        Gateway.await(() -> name + "named with " + Arrays.toString(parts) + "; problems "
            + control.status().problems(), () -> control.status().problems().stream()
            .anyMatch(p -> p.contains(name) && Arrays.stream(parts).allMatch(p::contains)));
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
