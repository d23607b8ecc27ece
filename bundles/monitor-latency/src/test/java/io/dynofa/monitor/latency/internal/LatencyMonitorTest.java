package io.dynofa.monitor.latency.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.config.testing.TestBundle;
import io.dynofa.monitor.api.Metrics;
import io.dynofa.runtime.api.Deployments;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.Test;

public class LatencyMonitorTest {
    private static final int WINDOW = 16;
    private static final long LATENCY_NANOS = 2_000_000L;

    private final LatencyMonitor monitor = new LatencyMonitor(new TestBundle().context(), config(WINDOW, 60_000));

    @Test
    public void isAlwaysAvailableAndNamedLatency() {
        assertEquals("latency", monitor.name());
        assertTrue(monitor.unavailableReason().isEmpty());
        assertTrue(monitor.read().isEmpty());
    }

    @Test
    public void concurrentWritersWhileReading() throws Exception {
        int writers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch started = new CountDownLatch(writers);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int w = 0; w < writers; w++) {
                futures.add(pool.submit(() -> {
                    started.countDown();
                    while (!stop.get()) {
                        monitor.inferred("level", LATENCY_NANOS, LATENCY_NANOS / 2);
                    }
                }));
            }
            assertTrue(started.await(5, TimeUnit.SECONDS));
            for (int i = 0; i < 2_000; i++) {
                assertConsistent(monitor.read());
            }
        } finally {
            stop.set(true);
            pool.shutdown();
        }
        for (Future<?> f : futures) {
            f.get(5, TimeUnit.SECONDS);
        }
        Map<String, Double> last = monitor.read();
        assertEquals(WINDOW, last.get(Metrics.LATENCY_COUNT), 0);
        assertEquals(2.0, last.get(Metrics.SLOWDOWN), 1e-9);
    }

    private static void assertConsistent(Map<String, Double> m) {
        if (m.isEmpty()) {
            return;
        }
        double count = m.get(Metrics.LATENCY_COUNT);
        assertTrue("count " + count, count >= 1 && count <= WINDOW);
        assertEquals(2.0, m.get(Metrics.LATENCY_MEAN_MS), 1e-9);
        assertEquals(2.0, m.get(Metrics.LATENCY_P95_MS), 1e-9);
        assertEquals(2.0, m.get(Metrics.LATENCY_P99_MS), 1e-9);
    }

    static Map<String, Object> config(int windowSize, long maxAgeMs) {
        return Map.of("windowSize", windowSize, "maxAgeMs", maxAgeMs);
    }

    @Test
    public void slowdownIsAlsoKeptPerBackend() {
        monitor.inferred("cpu", "l0", 3_000_000L, 1_000_000L);
        monitor.inferred("cpu2", "l0", 1_000_000L, 1_000_000L);
        monitor.inferred("l0", 2_000_000L, 1_000_000L);
        Map<String, Double> m = monitor.read();
        assertEquals(3.0, m.get(Metrics.SLOWDOWN_OF_BACKEND + "cpu"), 1e-9);
        assertEquals(1.0, m.get(Metrics.SLOWDOWN_OF_BACKEND + "cpu2"), 1e-9);
        assertEquals("every run counts in the overall window", 2.0, m.get(Metrics.SLOWDOWN), 1e-9);
        assertEquals(3, m.get(Metrics.LATENCY_COUNT), 0);
    }

    @Test
    public void eachDeploymentReadsItsOwnRuns() {
        monitor.inferred("camera-1", "cpu", "l0", 3_000_000L, 1_000_000L);
        monitor.inferred("camera-2", "cpu", "l1", 1_000_000L, 1_000_000L);
        monitor.inferred("camera-2", "cpu", "l1", 1_000_000L, 1_000_000L);
        Map<String, Double> first = monitor.read("camera-1");
        assertEquals(1, first.get(Metrics.LATENCY_COUNT), 0);
        assertEquals(3.0, first.get(Metrics.LATENCY_MEAN_MS), 1e-9);
        assertEquals(3.0, first.get(Metrics.SLOWDOWN_OF_BACKEND + "cpu"), 1e-9);
        Map<String, Double> second = monitor.read("camera-2");
        assertEquals(2, second.get(Metrics.LATENCY_COUNT), 0);
        assertEquals(1.0, second.get(Metrics.SLOWDOWN), 1e-9);
        assertTrue("no run of the default deployment", monitor.read().isEmpty());
        assertTrue(monitor.read("camera-3").isEmpty());
    }

    @Test
    public void runsToldWithoutADeploymentAreTheDefaultOnes() {
        monitor.inferred("l0", 2_000_000L, 1_000_000L);
        monitor.inferred("cpu", "l0", 4_000_000L, 1_000_000L);
        monitor.inferred(Deployments.DEFAULT, "cpu", "l0", 6_000_000L, 1_000_000L);
        monitor.inferred("other", "cpu", "l0", 50_000_000L, 1_000_000L);
        Map<String, Double> m = monitor.read();
        assertEquals(m, monitor.read(Deployments.DEFAULT));
        assertEquals(3, m.get(Metrics.LATENCY_COUNT), 0);
        assertEquals(4.0, m.get(Metrics.LATENCY_MEAN_MS), 1e-9);
        assertEquals(5.0, m.get(Metrics.SLOWDOWN_OF_BACKEND + "cpu"), 1e-9);
    }

    @Test
    public void theBoundOnDeploymentsIsConfigured() {
        Map<String, Object> properties = new HashMap<>(config(WINDOW, 60_000));
        properties.put("maxDeployments", 1);
        LatencyMonitor one = new LatencyMonitor(new TestBundle().context(), properties);
        try {
            one.inferred("a", "cpu", "l0", 1_000_000L, 0);
            one.inferred("b", "cpu", "l0", 2_000_000L, 0);
            assertTrue("a dropped for b", one.read("a").isEmpty());
            assertEquals(2.0, one.read("b").get(Metrics.LATENCY_MEAN_MS), 1e-9);
        } finally {
            one.deactivate();
        }
    }
}
