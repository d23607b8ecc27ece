package io.dynofa.demo.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.dynofa.config.testing.TestBundle;
import io.dynofa.monitor.api.Metrics;
import io.dynofa.runtime.api.Deployments;
import io.dynofa.runtime.api.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class CameraReplayTest {
    private static final int[] LABELS = {7, 0, 2, 7, 1};

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private final TestBundle bundle = new TestBundle();

    @Test
    public void replaysOnePassThroughTheBoundServiceAndPublishesTheCounts() throws Exception {
        FakeInference inference = new FakeInference(FakeInference.grey(28, 28),
            (request, input) -> FakeInference.classified(request == 1 ? 5 : LABELS[request], "L" + request % 2));
        CameraReplay demo = demo(config(sample(), 0, false, true));
        try {
            demo.bindInference(inference, Map.of());
            onePass(demo);
            Map<String, Double> metrics = demo.read();
            assertEquals(5.0, metrics.get("demo.frames"), 0);
            assertEquals(4.0, metrics.get("demo.correct"), 0);
            assertEquals(80.0, metrics.get("demo.accuracy"), 1e-9);
            assertEquals(1.0, metrics.get("demo.passes"), 0);
            assertEquals(3.0, metrics.get("demo.level.L0.frames"), 0);
            assertEquals(1.0, metrics.get("demo.level.L1.correct"), 0);
            assertTrue(metrics.get("demo.fps") >= 0);
            assertEquals("demo", demo.name());
            assertTrue(demo.unavailableReason().isEmpty());
        } finally {
            demo.deactivate();
        }
    }

    @Test
    public void dropsFramesOnceTheServiceIsUnbound() throws Exception {
        FakeInference first = answering("L");
        FakeInference second = answering("L");
        CameraReplay demo = demo(config(sample(), 0, false, true));
        try {
            demo.bindInference(first, Map.of());
            demo.bindInference(second, Map.of());
            demo.unbindInference(first);
            demo.unbindInference(second);
            onePass(demo);
            assertEquals(5.0, demo.read().get("demo.dropped"), 0);
            assertFalse(demo.read().containsKey("demo.accuracy"));
            assertTrue(first.inputs.isEmpty() && second.inputs.isEmpty());
        } finally {
            demo.deactivate();
        }
    }

    @Test
    public void theNextServiceTakesOverWhenTheOneInUseLeaves() throws Exception {
        FakeInference first = answering("old");
        FakeInference second = answering("new");
        CameraReplay demo = demo(config(sample(), 0, false, true));
        try {
            demo.bindInference(first, Map.of());
            demo.bindInference(second, Map.of());
            demo.unbindInference(first);
            onePass(demo);
            assertEquals(5.0, demo.read().get("demo.level.new.frames"), 0);
            assertTrue(first.inputs.isEmpty());
        } finally {
            demo.deactivate();
        }
    }

    @Test
    public void withoutASampleTheCameraStaysOffAndTheProblemNamesTheFolder() {
        Path missing = tmp.getRoot().toPath().resolve("no-sample");
        CameraReplay demo = demo(config(missing, 100, true, true));
        try {
            demo.start();
            assertFalse(demo.isRunning());
            String folder = missing.toAbsolutePath().toString();
            assertTrue(demo.unavailableReason().orElseThrow(), demo.unavailableReason().orElseThrow().contains(folder));
            assertEquals(List.of(Problem.SAMPLE_UNUSABLE + " " + folder), codesAndSubjects());
        } finally {
            demo.deactivate();
        }
    }

    @Test
    public void aNegativeFrameRateKeepsTheOneInForceAndIsNamedUntilDeactivated() throws IOException {
        CameraReplay demo = demo(config(sample(), -1, true, true));
        try {
            assertEquals(List.of(Problem.CONFIG_REJECTED + " fps"), codesAndSubjects());
        } finally {
            demo.deactivate();
        }
        assertEquals(0, bundle.sources());
    }

    @Test
    public void aModifiedSampleFolderThatCannotBeLoadedKeepsTheCameraReplayingTheOldOne() throws Exception {
        FakeInference inference = answering("L");
        Path good = sample();
        CameraReplay demo = demo(config(good, 0, true, true));
        try {
            demo.bindInference(inference, Map.of());
            demo.start();
            Path missing = tmp.getRoot().toPath().resolve("gone");
            demo.modified(config(missing, 0, true, true));
            assertTrue(demo.isRunning());
            assertTrue(demo.unavailableReason().isEmpty());
            assertEquals(List.of(Problem.SAMPLE_UNUSABLE + " " + missing.toAbsolutePath()), codesAndSubjects());
            assertTrue("names the sample still replayed", bundle.problems().get(0).contains(good.toAbsolutePath()
                .toString()));
            double frames = demo.read().get("demo.frames");
            CameraThreadTest.await("more frames replayed").until(() -> demo.read().get("demo.frames") > frames);
            demo.modified(config(good, 0, true, false));
            assertFalse(demo.isRunning());
            assertEquals(List.of(), bundle.problems());
        } finally {
            demo.deactivate();
        }
    }

    @Test
    public void aDisabledCameraTakesNoFramesAndSaysWhy() {
        CameraReplay demo = demo(config(tmp.getRoot().toPath().resolve("unused"), 100, true, false));
        demo.start();
        assertFalse(demo.isRunning());
        assertTrue(demo.unavailableReason().orElseThrow().contains("enabled=false"));
        assertEquals(0.0, demo.read().get("demo.frames"), 0);
        demo.deactivate();
    }

    @Test
    public void sendsBatchedFramesAndLogsEachAsAJsonLine() throws Exception {
        FakeInference inference = new FakeInference(FakeInference.grey(28, 28), (request, input) ->
            FakeInference.classified("L", new int[(int) input.dim(0)]));
        Path log = tmp.getRoot().toPath().resolve("frames.jsonl");
        Map<String, Object> properties = new HashMap<>(config(sample(), 0, false, true));
        properties.put("itemsPerFrame", 2);
        properties.put("deadlineMs", 60_000);
        properties.put("frameLog", log.toString());
        CameraReplay demo = demo(properties);
        try {
            demo.bindInference(inference, Map.of());
            onePass(demo);
            Map<String, Double> metrics = demo.read();
            assertEquals(3.0, metrics.get("demo.frames"), 0);
            assertEquals("the image labelled 0", 1.0, metrics.get("demo.items.correct"), 0);
            assertEquals(20.0, metrics.get("demo.accuracy"), 1e-9);
            assertEquals(60_000.0, metrics.get(Metrics.FRAME_DEADLINE_MS), 0);
            assertEquals(3.0, metrics.get(Metrics.FRAME_COUNT), 0);
            assertEquals(0.0, metrics.get(Metrics.FRAME_MISS_RATE), 0);
            assertEquals(List.of(2L, 2L, 1L), inference.inputs.stream().map(t -> t.dim(0)).toList());
        } finally {
            demo.deactivate();
        }
        List<String> lines = Files.readAllLines(log);
        assertEquals(3, lines.size());
        JsonObject last = JsonParser.parseString(lines.get(2)).getAsJsonObject();
        assertEquals(2, last.get("frame").getAsLong());
        assertEquals(1, last.get("items").getAsInt());
        assertEquals("ok", last.get("outcome").getAsString());
        assertEquals("L", last.get("level").getAsString());
    }

    @Test
    public void aFrameLogThatCannotBeWrittenIsNamedAndTheCameraGoesOn() throws Exception {
        FakeInference inference = answering("L");
        Path notAFolder = tmp.newFile("plain").toPath();
        Map<String, Object> properties = new HashMap<>(config(sample(), 0, false, true));
        properties.put("frameLog", notAFolder.resolve("frames.jsonl").toString());
        CameraReplay demo = demo(properties);
        try {
            demo.bindInference(inference, Map.of());
            onePass(demo);
            assertEquals(5.0, demo.read().get("demo.frames"), 0);
            assertEquals(List.of(FrameLog.UNWRITABLE + " " + notAFolder.resolve("frames.jsonl")), codesAndSubjects());
        } finally {
            demo.deactivate();
        }
    }

    @Test
    public void aCameraOfADeploymentSendsToThatDeploymentsServiceAndReadsForItAlone() throws Exception {
        FakeInference legacy = answering("legacy");
        FakeInference other = answering("other");
        FakeInference own = answering("own");
        Map<String, Object> properties = new HashMap<>(config(sample(), 0, false, true));
        properties.put("deployment", " camera-2 ");
        CameraReplay demo = demo(properties);
        try {
            demo.bindInference(legacy, Map.of());
            demo.bindInference(other, Map.of(Deployments.PROPERTY, "camera-3"));
            demo.bindInference(own, Map.of(Deployments.PROPERTY, "camera-2"));
            onePass(demo);
            assertEquals(5.0, demo.read().get("demo.level.own.frames"), 0);
            assertTrue(legacy.inputs.isEmpty() && other.inputs.isEmpty());
            assertEquals("demo-camera-2", demo.name());
            assertEquals(demo.read(), demo.read("camera-2"));
            assertEquals(Map.of(), demo.read(Deployments.DEFAULT));
            assertEquals(Map.of(), demo.read("camera-3"));
            assertEquals(Map.of(), demo.read(null));
        } finally {
            demo.deactivate();
        }
    }

    @Test
    public void withoutTheDeploymentKeyTheCameraIsTheDefaultDeploymentsAsBefore() throws Exception {
        FakeInference other = answering("other");
        FakeInference legacy = answering("legacy");
        CameraReplay demo = demo(config(sample(), 0, false, true));
        try {
            demo.bindInference(other, Map.of(Deployments.PROPERTY, "camera-2"));
            demo.bindInference(legacy, Map.of());
            onePass(demo);
            assertEquals("a service without the property is the default one's", 5.0,
                demo.read().get("demo.level.legacy.frames"), 0);
            assertTrue(other.inputs.isEmpty());
            assertEquals("demo", demo.name());
            assertEquals(demo.read(), demo.read(Deployments.DEFAULT));
            assertEquals(demo.read(), demo.read(null));
            assertEquals(Map.of(), demo.read("camera-2"));
        } finally {
            demo.deactivate();
        }
    }

    @Test
    public void aModifiedDeploymentSwitchesTheServiceAndTheReadings() throws Exception {
        FakeInference first = answering("first");
        FakeInference second = answering("second");
        Path sample = sample();
        CameraReplay demo = demo(config(sample, 0, false, true));
        try {
            demo.bindInference(first, Map.of(Deployments.PROPERTY, Deployments.DEFAULT));
            demo.bindInference(second, Map.of(Deployments.PROPERTY, "b"));
            onePass(demo);
            Map<String, Object> properties = new HashMap<>(config(sample, 0, false, true));
            properties.put("deployment", "b");
            demo.modified(properties);
            CameraThreadTest.await("the second pass over").until(() -> !demo.isRunning());
            assertEquals(5.0, demo.read("b").get("demo.level.first.frames"), 0);
            assertEquals(5.0, demo.read("b").get("demo.level.second.frames"), 0);
            assertEquals(Map.of(), demo.read(Deployments.DEFAULT));
            assertEquals("demo-b", demo.name());
        } finally {
            demo.deactivate();
        }
    }

    @Test
    public void aBlankDeploymentKeepsTheOneInForceAndIsNamed() throws IOException {
        Map<String, Object> properties = new HashMap<>(config(sample(), 0, false, true));
        properties.put("deployment", "  ");
        CameraReplay demo = demo(properties);
        try {
            assertEquals(List.of(Problem.CONFIG_REJECTED + " deployment"), codesAndSubjects());
            assertEquals("demo", demo.name());
        } finally {
            demo.deactivate();
        }
    }

    @Test
    public void twoCamerasWithOneFrameLogFileLeaveItToTheFirstAndSaySo() throws Exception {
        Path log = tmp.getRoot().toPath().resolve("frames.jsonl");
        Map<String, Object> properties = new HashMap<>(config(sample(), 0, false, true));
        properties.put("frameLog", log.toString());
        CameraReplay first = demo(properties);
        TestBundle otherBundle = new TestBundle();
        CameraReplay second = new CameraReplay(otherBundle.context(), properties);
        try {
            assertEquals(List.of(), codesAndSubjects());
            assertEquals(List.of(FrameLog.SHARED + " " + log), otherBundle.details().stream()
                .map(p -> p.code() + " " + p.subject()).toList());
        } finally {
            second.deactivate();
            first.deactivate();
        }
    }

    @Test
    public void aFactoryConfigurationsCameraIsNamedByItsDeploymentAndItsOffReasonByItsConfiguration() {
        Map<String, Object> properties = new HashMap<>(config(tmp.getRoot().toPath(), 100, true, false));
        properties.put("deployment", "camera-2");
        properties.put("service.pid", DeploymentCamera.FACTORY_PID + "~camera-2");
        DeploymentCamera camera = new DeploymentCamera(bundle.context(), properties);
        try {
            assertEquals("demo-camera-2", camera.name());
            assertTrue(camera.unavailableReason().orElseThrow(),
                camera.unavailableReason().orElseThrow().contains("enabled=false in io.dynofa.demo.camera~camera-2"));
        } finally {
            camera.deactivate();
        }
    }

    /** A service answering every image with class 0 from level {@code levelId}. */
    private static FakeInference answering(String levelId) {
        return new FakeInference(FakeInference.grey(28, 28), (request, input) -> FakeInference.classified(0, levelId));
    }

    /** Starts a camera replaying one pass, and waits for the pass to end. */
    private static void onePass(DemoCamera camera) {
        camera.start();
        CameraThreadTest.await("the camera off").until(() -> !camera.isRunning());
    }

    private CameraReplay demo(Map<String, Object> properties) {
        return new CameraReplay(bundle.context(), properties);
    }

    private Path sample() throws IOException {
        return IdxFiles.sample(tmp.newFolder().toPath(), 28, 28, LABELS);
    }

    /** The properties DS hands over for this configuration. */
    private static Map<String, Object> config(Path sampleDir, double fps, boolean loop, boolean enabled) {
        return Map.of("sampleDir", sampleDir.toString(), "fps", fps, "loop", loop, "enabled", enabled);
    }

    private List<String> codesAndSubjects() {
        return bundle.details().stream().map(p -> p.code() + " " + p.subject()).toList();
    }
}
