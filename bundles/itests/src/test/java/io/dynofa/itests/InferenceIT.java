package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.family.api.LevelSpec;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.inference.api.InferenceResult;
import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Inference is correct: the demo camera's accuracy on the shipped sample is the manifest's, level by level. */
public class InferenceIT extends GatewayIT {

    @Test
    public void demoAccuracyEqualsManifestForTheLevelUsed() {
        ready();
        RuntimeControl control = control();
        ModelFamily family = service(ModelFamily.class);
        List<Level> levels = control.levels();
        assertTrue("at least two Pareto levels, got " + levels, levels.size() >= 2);
        try {
            checkDemoOn(family, List.of(levels.get(0), levels.get(levels.size() - 1)));
        } finally {
            control.unpin();
        }
    }

    private void checkDemoOn(ModelFamily family, List<Level> chosen) {
        RuntimeControl control = control();
        int pass = 0;
        for (Level level : chosen) {
            control.pin(level.id());
            awaitLevel(control, level.id());
            configure("io.dynofa.demo", Map.of("fps", 0, "loop", false, "enabled", true,
                "sampleDir", repoModels().resolve(SAMPLE).toString(), "run", ++pass));
            await("one pass of the demo over the sample").untilAsserted(() -> assertTrue("demo " + monitor("demo"),
                monitor("demo").getOrDefault("demo.passes", 0.0) >= 1));
            Map<String, Double> demo = monitor("demo");
            LevelSpec spec = family.levels().stream().filter(l -> l.id().equals(level.id())).findFirst().orElseThrow();
            assertEquals("frames", 1000.0, demo.get("demo.frames"), 0.0);
            assertEquals("failed frames", 0.0, demo.get("demo.failed"), 0.0);
            assertEquals("correct answers of level " + level.id() + " (manifest sampleTop1 " + spec.sampleTop1() + "%)",
                Math.round(spec.sampleTop1() * 10), demo.get("demo.level." + level.id() + ".correct").longValue());
            assertEquals(spec.sampleTop1(), demo.get("demo.accuracy"), 1e-9);
            deleteConfiguration("io.dynofa.demo");
        }
    }

    private static void awaitLevel(RuntimeControl control, String levelId) {
        await("level " + levelId + " in use").untilAsserted(() ->
            assertEquals("status " + control.status(), levelId, control.status().levelId()));
    }

    @Test
    public void resultsNameTheLevelFamilyAndBackendThatServed() throws Exception {
        RuntimeStatus status = ready();
        RuntimeControl control = control();
        Level top = control.levels().get(control.levels().size() - 1);
        control.pin(top.id());
        awaitLevel(control, top.id());
        InferenceResult sync;
        InferenceResult async;
        try {
            sync = inference().infer(validInput());
            async = inference().inferAsync(validInput()).get();
        } finally {
            control.unpin();
        }
        for (InferenceResult r : List.of(sync, async)) {
            assertEquals(FAMILY, r.familyId());
            assertEquals(status.backendId(), r.backendId());
            assertEquals(top.id(), r.levelId());
            assertEquals(10, r.output().floats().length);
            assertTrue(r.latencyNanos() > 0);
        }
        assertEquals(sync.topClass(), async.topClass());
    }
}
