package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InferenceService;
import io.dynofa.inference.api.Tensor;
import io.dynofa.monitor.api.Metrics;
import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.RuntimeControl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.Test;

/**
 * The demo camera as a frame workload in the real gateway: frames of {@value #ITEMS} images at a rate the pinned
 * largest level cannot keep up with, and a deadline below its measured latency, are late and dropped; the counts
 * reach the demo monitor and the runtime's signals, and every frame is one parseable line of the frame log. While
 * a co-running client of the same runtime holds its only run slot, frames that cannot start before their deadline
 * are refused by the runtime (DEADLINE_EXCEEDED, counted in its status). Unpinned, with a relaxed deadline, frames
 * are within their deadline again.
 */
public class FrameWorkloadIT extends GatewayIT {
    private static final String DEMO = "io.dynofa.demo";
    private static final int ITEMS = 16;
    private static final int HOG_BATCH = 256;
    private static final double RELAXED_DEADLINE_MS = 1000;
    private static final Set<String> OUTCOMES = Set.of("ok", "late", "dropped", "failed");
    private static final List<String> FIELDS = List.of("frame", "arrivalNs", "startNs", "endNs", "deadlineMs",
        "level", "backend", "items", "correct", "outcome", "reason");

    @Override
    protected Map<String, Map<String, String>> configurations() {
        // one model run at a time, so a co-running client can hold the runtime's only run slot
        return Map.of(RUNTIME_PID, Map.of("family", FAMILY, "maxConcurrentRuns", "1"));
    }

    private Path frameLog() {
        return fileInstallDir().getParent().resolveSibling("frame-logs").resolve(getClass().getSimpleName()
            + ".jsonl");
    }

    @Test
    public void framesBeyondTheLevelAreLateOrDroppedCountedAndLoggedAndWithinDeadlineWhenRelaxed()
        throws Exception {
        Files.deleteIfExists(frameLog());
        ready();
        RuntimeControl control = control();
        List<Level> levels = control.levels();
        Level largest = levels.get(levels.size() - 1);
        control.pin(largest.id());
        await("largest level pinned").untilAsserted(() ->
            assertEquals("status " + control.status(), largest.id(), control.status().levelId()));

        double latencyMs = fastestRunMillis(inference(), ITEMS);
        double deadlineMs = latencyMs / 2;
        double fps = Math.min(10_000, 1000 / (0.75 * latencyMs));
        configureDemo(fps, deadlineMs);

        await("late and dropped frames in the demo monitor and the runtime's signals").untilAsserted(() -> {
            Map<String, Double> demo = monitor("demo");
            String seen = "deadline " + deadlineMs + " ms below the " + latencyMs + " ms of " + largest.id() + ": "
                + demo;
            assertTrue(seen, demo.getOrDefault("demo.frames.late", 0.0) > 0);
            assertTrue(seen, demo.getOrDefault("demo.frames.dropped", 0.0) > 0);
            assertTrue(seen, demo.getOrDefault(Metrics.FRAME_MISS_RATE, 0.0) > 0);
            assertTrue(seen, demo.getOrDefault(Metrics.FRAME_LATENCY_P95_MS, 0.0) > deadlineMs);
            assertEquals(seen, deadlineMs, demo.getOrDefault(Metrics.FRAME_DEADLINE_MS, Double.NaN), 1e-9);
            assertTrue("status " + control.status(),
                control.status().signals().get(Metrics.FRAME_MISS_RATE, 0.0) > 0);
        });
        List<JsonObject> frames = loggedFrames();
        assertTrue(frames.stream().anyMatch(f -> outcome(f).equals("late")));
        assertTrue(frames.stream().anyMatch(f -> outcome(f).equals("dropped")));

        AtomicBoolean hogging = new AtomicBoolean(true);
        Thread hog = new Thread(() -> holdTheRunSlot(inference(), hogging), "itest-co-running-client");
        hog.setDaemon(true);
        hog.start();
        try {
            await("frames the runtime could not start in time, in its status and the frame log").untilAsserted(() -> {
                assertTrue("status " + control.status(),
                    control.status().rejected().getOrDefault("DEADLINE_EXCEEDED", 0L) > 0);
                assertTrue("a frame refused by the runtime", loggedFrames().stream().anyMatch(f ->
                    outcome(f).equals("dropped") && text(f, "reason").startsWith("DEADLINE_EXCEEDED")
                        && !f.get("startNs").isJsonNull()));
            });
        } finally {
            hogging.set(false);
            hog.join(30_000);
        }

        control.unpin();
        configureDemo(4, RELAXED_DEADLINE_MS);
        await("frames within the relaxed deadline again").untilAsserted(() -> {
            List<JsonObject> all = loggedFrames();
            List<JsonObject> last = all.subList(Math.max(0, all.size() - 6), all.size());
            assertEquals("the last frames " + last, 6, last.stream().filter(f -> outcome(f).equals("ok")
                && f.get("deadlineMs").getAsDouble() == RELAXED_DEADLINE_MS).count());
            Map<String, Double> demo = monitor("demo");
            assertEquals("demo " + demo, 0.0, demo.getOrDefault(Metrics.FRAME_MISS_RATE, Double.NaN), 0);
            assertEquals(RELAXED_DEADLINE_MS, demo.getOrDefault(Metrics.FRAME_DEADLINE_MS, Double.NaN), 0);
        });
        List<JsonObject> all = loggedFrames();
        assertEveryLineIsAFrame(all);
        long refusedFrames = all.stream().filter(f -> text(f, "reason").startsWith("DEADLINE_EXCEEDED")).count();
        assertTrue("the runtime counted every frame it refused", control.status().rejected()
            .getOrDefault("DEADLINE_EXCEEDED", 0L) >= refusedFrames);
        System.out.println("FrameWorkloadIT: " + largest.id() + " " + ITEMS + " items fastest " + latencyMs
            + " ms, deadline " + deadlineMs + " ms at " + fps + " fps; frames by outcome " + all.stream()
            .collect(Collectors.groupingBy(FrameWorkloadIT::outcome, TreeMap::new, Collectors.counting()))
            + "; runtime rejected " + control.status().rejected());
    }

    private void configureDemo(double fps, double deadlineMs) {
        configure(DEMO, Map.of("enabled", true, "fps", fps, "itemsPerFrame", ITEMS, "deadlineMs", deadlineMs,
            "frameLog", frameLog().toString(), "loop", true, "sampleDir", modelsDir().resolve(SAMPLE).toString()));
    }

    /** The fastest of several runs of a batch of {@code items} on the level in use, ms (the backend's own time). */
    private static double fastestRunMillis(InferenceService inference, int items) throws InferenceException {
        Tensor batch = batch(items);
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            fastest = Math.min(fastest, inference.infer(batch).latencyNanos());
        }
        return fastest / 1e6;
    }

    /** Another application of the runtime: large batches back to back, each holding the only run slot. */
    private static void holdTheRunSlot(InferenceService inference, AtomicBoolean hogging) {
        Tensor batch = batch(HOG_BATCH);
        while (hogging.get()) {
            try {
                inference.infer(batch);
            } catch (InferenceException e) {
                Thread.onSpinWait();
            }
        }
    }

    private static Tensor batch(int items) {
        float[] pixels = new float[items * 28 * 28];
        Arrays.fill(pixels, 0.5f);
        return Tensor.ofFloats(pixels, items, 1, 28, 28);
    }

    /** The frame log's complete lines (a line being written is left for the next look), parsed. */
    private List<JsonObject> loggedFrames() {
        String text;
        try {
            text = Files.exists(frameLog()) ? Files.readString(frameLog(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<JsonObject> frames = new ArrayList<>();
        int from = 0;
        for (int end = text.indexOf('\n'); end >= 0; from = end + 1, end = text.indexOf('\n', from)) {
            frames.add(JsonParser.parseString(text.substring(from, end)).getAsJsonObject());
        }
        return frames;
    }

    private static void assertEveryLineIsAFrame(List<JsonObject> frames) {
        Set<Long> numbers = new HashSet<>();
        for (JsonObject f : frames) {
            assertEquals("fields of " + f, FIELDS, List.copyOf(f.keySet()));
            assertTrue("numbered once: " + f, numbers.add(f.get("frame").getAsLong()));
            String outcome = outcome(f);
            assertTrue(f.toString(), OUTCOMES.contains(outcome));
            assertEquals(f.toString(), ITEMS, f.get("items").getAsInt());
            long arrival = f.get("arrivalNs").getAsLong();
            long end = f.get("endNs").getAsLong();
            assertTrue(f.toString(), end >= arrival);
            boolean served = outcome.equals("ok") || outcome.equals("late");
            assertEquals("a level exactly when served: " + f, served, !f.get("level").isJsonNull());
            assertEquals("a reason exactly when missed: " + f, !outcome.equals("ok"), !f.get("reason").isJsonNull());
            if (served) {
                assertFalse(f.get("startNs").isJsonNull());
                assertTrue(f.toString(), f.get("startNs").getAsLong() >= arrival);
                assertEquals(f.toString(), "cpu", text(f, "backend"));
                int correct = f.get("correct").getAsInt();
                assertTrue(f.toString(), correct >= 0 && correct <= ITEMS);
                double deadlineNs = f.get("deadlineMs").getAsDouble() * 1e6;
                assertEquals("late exactly when past the deadline: " + f, outcome.equals("late"),
                    end - arrival > deadlineNs);
            }
        }
    }

    private static String outcome(JsonObject frame) {
        return text(frame, "outcome");
    }

    private static String text(JsonObject frame, String field) {
        JsonElement value = frame.get(field);
        assertNotNull(field + " in " + frame, value);
        return value.isJsonNull() ? "" : value.getAsString();
    }
}
