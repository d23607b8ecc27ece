package io.dynofa.itests;

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
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/** Inference is correct: the demo camera's accuracy on the shipped sample is the manifest's, level by level. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class InferenceIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return ItSupport.gateway(getClass(), Map.of());
    }

    @Test
    public void demoAccuracyEqualsManifestForTheLevelUsed() {
        Gateway gateway = new Gateway(context);
        gateway.ready();
        RuntimeControl control = gateway.control();
        ModelFamily family = gateway.service(ModelFamily.class);
        List<Level> levels = control.levels();
        assertTrue("at least two Pareto levels, got " + levels, levels.size() >= 2);
        try {
            checkDemoOn(gateway, family, List.of(levels.get(0), levels.get(levels.size() - 1)));
        } finally {
            control.unpin();
        }
    }

    private static void checkDemoOn(Gateway gateway, ModelFamily family, List<Level> chosen) {
        RuntimeControl control = gateway.control();
        int pass = 0;
        for (Level level : chosen) {
            control.pin(level.id());
            Gateway.await(() -> "level " + level.id() + " in use", () -> level.id().equals(control.status().levelId()));
            gateway.configure("io.dynofa.demo", Map.of("fps", 0, "loop", false, "enabled", true,
                "sampleDir", ItSupport.repoModels().resolve("samples/fashion-mnist").toString(), "run", ++pass));
            Gateway.await("one pass of the demo over the sample",
                () -> gateway.monitor("demo").getOrDefault("demo.passes", 0.0) >= 1);
            Map<String, Double> demo = gateway.monitor("demo");
            LevelSpec spec = family.levels().stream().filter(l -> l.id().equals(level.id())).findFirst().orElseThrow();
            assertEquals("frames", 1000.0, demo.get("demo.frames"), 0.0);
            assertEquals("failed frames", 0.0, demo.get("demo.failed"), 0.0);
            assertEquals("correct answers of level " + level.id() + " (manifest sampleTop1 " + spec.sampleTop1() + "%)",
                Math.round(spec.sampleTop1() * 10), demo.get("demo.level." + level.id() + ".correct").longValue());
            assertEquals(spec.sampleTop1(), demo.get("demo.accuracy"), 1e-9);
            gateway.deleteConfiguration("io.dynofa.demo");
        }
    }

    @Test
    public void resultsNameTheLevelFamilyAndBackendThatServed() throws Exception {
        Gateway gateway = new Gateway(context);
        RuntimeStatus status = gateway.ready();
        RuntimeControl control = gateway.control();
        Level top = control.levels().get(control.levels().size() - 1);
        control.pin(top.id());
        Gateway.await("pinned level in use", () -> top.id().equals(control.status().levelId()));
        InferenceResult sync;
        InferenceResult async;
        try {
            sync = gateway.inference().infer(Gateway.validInput());
            async = gateway.inference().inferAsync(Gateway.validInput()).get();
        } finally {
            control.unpin();
        }
        for (InferenceResult r : List.of(sync, async)) {
            assertEquals(ItSupport.FAMILY, r.familyId());
            assertEquals(status.backendId(), r.backendId());
            assertEquals(top.id(), r.levelId());
            assertEquals(10, r.output().floats().length);
            assertTrue(r.latencyNanos() > 0);
        }
        assertEquals(sync.topClass(), async.topClass());
    }
}
