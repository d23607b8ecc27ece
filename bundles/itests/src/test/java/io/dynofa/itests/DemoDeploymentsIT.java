package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.dynofa.inference.api.DType;
import io.dynofa.inference.api.InferenceResult;
import io.dynofa.inference.api.InferenceService;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Normalisation;
import io.dynofa.inference.api.Tensor;
import io.dynofa.monitor.api.Monitor;
import io.dynofa.runtime.api.Deployments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;
import org.osgi.framework.ServiceRegistration;

/**
 * One demo camera per deployment, without the runtime: the singleton {@code io.dynofa.demo} configuration and a
 * FileInstall factory configuration {@code io.dynofa.demo.camera-camera-2.cfg} make two cameras (Declarative
 * Services cannot give one PID both a singleton and factory configurations, hence the second PID). Each sends to
 * its own deployment's inference service (the singleton camera to one without the deployment property, as a
 * runtime from before deployments registers it), publishes its own monitor ({@code demo}, {@code demo-camera-2})
 * whose per-deployment reading is its own deployment's alone, and writes its own frame log; removing the file
 * removes that camera only.
 */
public class DemoDeploymentsIT extends GatewayIT {
    private static final String DEMO = "io.dynofa.demo";
    private static final String CAMERAS = "io.dynofa.demo.camera";
    private static final String CAMERA_2 = "camera-2";

    @Override
    protected List<String> modules() {
        return List.of("api", "demo");
    }

    @Override
    protected Map<String, Map<String, String>> configurations() {
        return Map.of(DEMO, camera(frameLog(Deployments.DEFAULT)));
    }

    private Map<String, String> camera(Path frameLog) {
        return Map.of("fps", "100", "loop", "true", "sampleDir", modelsDir().resolve(SAMPLE).toString(),
            "frameLog", frameLog.toString());
    }

    private Path frameLog(String deployment) {
        return fileInstallDir().getParent().resolveSibling("frame-logs").resolve(getClass().getSimpleName() + "-"
            + deployment + ".jsonl");
    }

    @Test
    public void eachCameraServesItsOwnDeploymentAndReadsForItAlone() throws Exception {
        Files.deleteIfExists(frameLog(CAMERA_2));
        Answering legacy = new Answering("legacy");
        Answering second = new Answering(CAMERA_2);
        List<ServiceRegistration<?>> registrations = new ArrayList<>();
        registrations.add(context.registerService(InferenceService.class, legacy, new Hashtable<>()));
        Dictionary<String, Object> ofCamera2 = new Hashtable<>();
        ofCamera2.put(Deployments.PROPERTY, CAMERA_2);
        registrations.add(context.registerService(InferenceService.class, second, ofCamera2));
        try {
            Map<String, String> props = new LinkedHashMap<>(camera(frameLog(CAMERA_2)));
            props.put("deployment", CAMERA_2);
            writeCfgFile(CAMERAS + "-" + CAMERA_2, props);

            Monitor first = await("the default deployment's camera").until(() -> monitorNamed("demo"),
                Optional::isPresent).orElseThrow();
            Monitor other = await("camera-2's camera").until(() -> monitorNamed("demo-" + CAMERA_2),
                Optional::isPresent).orElseThrow();
            await("frames through both services").until(() -> legacy.answered.get() > 5 && second.answered.get() > 5);
            await("each camera counts its own service's frames").untilAsserted(() -> {
                Map<String, Double> own = first.read(Deployments.DEFAULT);
                assertTrue("demo " + own, own.getOrDefault("demo.level.legacy.frames", 0.0) > 0);
                assertFalse("demo " + own, own.containsKey("demo.level." + CAMERA_2 + ".frames"));
                Map<String, Double> theirs = other.read(CAMERA_2);
                assertTrue("demo-camera-2 " + theirs, theirs.getOrDefault("demo.level." + CAMERA_2 + ".frames", 0.0)
                    > 0);
                assertFalse("demo-camera-2 " + theirs, theirs.containsKey("demo.level.legacy.frames"));
            });
            assertEquals(Map.of(), first.read(CAMERA_2));
            assertEquals(Map.of(), other.read(Deployments.DEFAULT));
            assertTrue("the singleton camera's read() as before", first.read().containsKey("demo.frames"));
            await("a frame log each").until(() -> lines(frameLog(Deployments.DEFAULT)) > 0
                && lines(frameLog(CAMERA_2)) > 0);

            Files.delete(fileInstallDir().resolve(CAMERAS + "-" + CAMERA_2 + ".cfg"));
            await("camera-2's camera gone").until(() -> monitorNamed("demo-" + CAMERA_2).isEmpty());
            long answered = second.answered.get();
            long legacyBefore = legacy.answered.get();
            await("the default deployment's camera goes on").until(() -> legacy.answered.get() > legacyBefore + 5);
            assertEquals("no frame to camera-2 once its camera is gone", answered, second.answered.get());
            assertNotNull(monitorNamed("demo").orElse(null));
        } finally {
            registrations.forEach(ServiceRegistration::unregister);
        }
    }

    private static long lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    /** An inference service that answers every image with class 0 from a level named after it. */
    private static final class Answering implements InferenceService {
        final AtomicLong answered = new AtomicLong();
        private final String levelId;

        Answering(String levelId) {
            this.levelId = levelId;
        }

        @Override
        public InferenceResult infer(Tensor input) {
            int items = (int) input.dim(0);
            answered.incrementAndGet();
            return new InferenceResult(Tensor.ofFloats(new float[items * 10], items, 10), FAMILY, levelId, "cpu",
                1_000);
        }

        @Override
        public CompletableFuture<InferenceResult> inferAsync(Tensor input) {
            return CompletableFuture.completedFuture(infer(input));
        }

        @Override
        public Optional<InputSpec> inputSpec() {
            return Optional.of(new InputSpec("input", new long[] {-1, 1, 28, 28}, "NCHW", DType.FLOAT32,
                new Normalisation(1 / 255.0, new double[] {0}, new double[] {1})));
        }
    }
}
