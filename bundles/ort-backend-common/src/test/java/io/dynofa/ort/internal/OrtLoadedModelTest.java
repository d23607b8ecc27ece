package io.dynofa.ort.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import io.dynofa.backend.api.BackendException;
import io.dynofa.backend.api.LoadedModel;
import io.dynofa.inference.api.DType;
import io.dynofa.inference.api.Tensor;
import io.dynofa.inference.api.TensorSpec;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class OrtLoadedModelTest {
    private static final int SAMPLE = 28 * 28;

    private final OrtSessionFactory factory =
        new OrtSessionFactory(OrtEnvironment.getEnvironment(), OrtSettings.defaults("cpu"), ExecutionProvider.CPU);
    private LoadedModel model;

    public static byte[] tinyModel() throws IOException {
        try (InputStream in = OrtLoadedModelTest.class.getResourceAsStream("/tiny.onnx")) {
            return in.readAllBytes();
        }
    }

    public static float[] images(int count, long seed) {
        Random random = new Random(seed);
        float[] data = new float[count * SAMPLE];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat();
        }
        return data;
    }

    @Before
    public void load() throws Exception {
        model = factory.load("tiny", tinyModel());
    }

    @After
    public void close() {
        model.close();
    }

    @Test
    public void runsOneSampleToTenLogits() throws Exception {
        Tensor out = model.run(Tensor.ofFloats(images(1, 1), 1, 1, 28, 28));
        assertArrayEquals(new long[] {1, 10}, out.shape());
        assertTrue(Arrays.toString(out.floats()), allFinite(out.floats()));
        assertEquals("tiny", model.name());
    }

    @Test
    public void batchRowsEqualSingleRuns() throws Exception {
        float[] batch = images(3, 2);
        Tensor out = model.run(Tensor.ofFloats(batch, 3, 1, 28, 28));
        assertArrayEquals(new long[] {3, 10}, out.shape());
        for (int i = 0; i < 3; i++) {
            float[] one = Arrays.copyOfRange(batch, i * SAMPLE, (i + 1) * SAMPLE);
            float[] single = model.run(Tensor.ofFloats(one, 1, 1, 28, 28)).floats();
            assertArrayEquals("row " + i, single, Arrays.copyOfRange(out.floats(), i * 10, i * 10 + 10), 1e-5f);
        }
    }

    @Test
    public void differentInputsGiveDifferentOutputs() throws Exception {
        float[] a = model.run(Tensor.ofFloats(images(1, 3), 1, 1, 28, 28)).floats();
        float[] b = model.run(Tensor.ofFloats(new float[SAMPLE], 1, 1, 28, 28)).floats();
        assertTrue(!Arrays.equals(a, b));
    }

    @Test
    public void aCloseFromAnotherThreadWaitsForTheRunsInFlight() throws Exception {
        LoadedModel shared = factory.load("tiny-closed-meanwhile", tinyModel());
        Tensor input = Tensor.ofFloats(images(4, 1), 4, 1, 28, 28);
        int threads = 3;
        CountDownLatch running = new CountDownLatch(threads);
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        AtomicReference<Throwable> other = new AtomicReference<>();
        List<Thread> runners = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread runner = new Thread(() -> {
                running.countDown();
                for (int i = 0; i < 20_000; i++) {
                    try {
                        shared.run(input);
                        served.incrementAndGet();
                    } catch (BackendException e) {
                        refused.incrementAndGet();
                        return;
                    } catch (Throwable e) {
                        other.set(e);
                        return;
                    }
                }
            });
            runner.start();
            runners.add(runner);
        }
        running.await();
        while (served.get() < threads && other.get() == null) {
            Thread.onSpinWait(); // the runners well into their runs, so the close meets runs in flight
        }
        shared.close();
        for (Thread runner : runners) {
            runner.join(60_000);
        }
        // a session freed under a run would have crashed this JVM; each runner ends on a refusal or its last run
        assertEquals(null, other.get());
        assertTrue("the runners saw the close", refused.get() > 0);
        assertThrows(BackendException.class, () -> shared.run(input));
    }

    @Test
    public void corruptBytesFailWithTheModelName() {
        BackendException e = assertThrows(BackendException.class,
            () -> factory.load("broken", new byte[] {1, 2, 3, 4, 5}));
        assertTrue(e.getMessage(), e.getMessage().startsWith("model 'broken' could not be loaded: "));
        assertTrue(e.getMessage(), e.getMessage().length() > "model 'broken' could not be loaded: ".length());
    }

    @Test
    public void declaresItsInputsAndOutputsWithTheBatchFree() {
        assertEquals(List.of(new TensorSpec("input", new long[] {-1, 1, 28, 28}, DType.FLOAT32)), model.inputs());
        assertEquals(List.of(new TensorSpec("logits", new long[] {-1, 10}, DType.FLOAT32)), model.outputs());
    }

    @Test
    public void wrongShapeIsABackendFailureNotACrash() throws Exception {
        BackendException e = assertThrows(BackendException.class,
            () -> model.run(Tensor.ofFloats(new float[27 * 27], 1, 1, 27, 27)));
        assertTrue(e.getMessage(), e.getMessage().startsWith("model 'tiny' failed on input"));
        assertArrayEquals(new long[] {1, 10}, model.run(Tensor.ofFloats(images(1, 4), 1, 1, 28, 28)).shape());
    }

    @Test
    public void wrongElementTypeIsABackendFailure() {
        BackendException e = assertThrows(BackendException.class,
            () -> model.run(Tensor.ofBytes(new byte[SAMPLE], 1, 1, 28, 28)));
        assertTrue(e.getMessage(), e.getMessage().contains("tiny"));
        assertThrows(BackendException.class, () -> model.run(Tensor.ofLongs(new long[SAMPLE], 1, 1, 28, 28)));
    }

    @Test
    public void runAfterCloseFailsAndCloseIsIdempotent() {
        model.close();
        model.close();
        BackendException e = assertThrows(BackendException.class,
            () -> model.run(Tensor.ofFloats(images(1, 5), 1, 1, 28, 28)));
        assertEquals("model 'tiny' is closed", e.getMessage());
    }

    @Test
    public void everyOptimisationLevelAndModeLoads() throws Exception {
        float[] input = images(1, 6);
        float[] reference = model.run(Tensor.ofFloats(input, 1, 1, 28, 28)).floats();
        for (OptimizationLevel level : OptimizationLevel.values()) {
            for (ExecutionMode mode : ExecutionMode.values()) {
                OrtSettings settings = new OrtSettings("x", 2, 2, level, level.ordinal() % 2 == 0, mode);
                try (LoadedModel other = new OrtSessionFactory(OrtEnvironment.getEnvironment(), settings, ExecutionProvider.CPU)
                    .load("tiny-" + level + "-" + mode, tinyModel())) {
                    float[] out = other.run(Tensor.ofFloats(input, 1, 1, 28, 28)).floats();
                    assertArrayEquals(level + " " + mode, reference, out, 1e-4f);
                }
            }
        }
    }

    @Test
    public void concurrentCallersAndChangingShapesGetTheirOwnResults() throws Exception {
        float[] batch = images(3, 7);
        float[][] singles = new float[3][];
        for (int i = 0; i < 3; i++) {
            singles[i] = model.run(Tensor.ofFloats(Arrays.copyOfRange(batch, i * SAMPLE, (i + 1) * SAMPLE),
                1, 1, 28, 28)).floats();
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int r = 0; r < 200; r++) {
                        int i = (thread + r) % 3;
                        if (r % 7 == 0) {
                            int n = 1 + (r % 3);
                            Tensor out = model.run(Tensor.ofFloats(Arrays.copyOf(batch, n * SAMPLE), n, 1, 28, 28));
                            assertArrayEquals(new long[] {n, 10}, out.shape());
                            assertArrayEquals(singles[0], Arrays.copyOf(out.floats(), 10), 1e-5f);
                        } else {
                            float[] one = Arrays.copyOfRange(batch, i * SAMPLE, (i + 1) * SAMPLE);
                            assertArrayEquals(singles[i], model.run(Tensor.ofFloats(one, 1, 1, 28, 28)).floats(), 0f);
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void resultsAreCopiesNotViewsOfReusedBuffers() throws Exception {
        float[] a = model.run(Tensor.ofFloats(images(1, 8), 1, 1, 28, 28)).floats();
        float[] keep = a.clone();
        model.run(Tensor.ofFloats(images(1, 9), 1, 1, 28, 28));
        assertArrayEquals(keep, a, 0f);
    }

    private static boolean allFinite(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
