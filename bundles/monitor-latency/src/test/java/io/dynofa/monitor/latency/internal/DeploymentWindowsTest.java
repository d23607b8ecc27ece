package io.dynofa.monitor.latency.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import io.dynofa.monitor.api.Metrics;
import io.dynofa.runtime.api.Deployments;
import org.junit.Test;

public class DeploymentWindowsTest {
    private static final long MS = 1_000_000L;

    private final FakeClock clock = new FakeClock();
    private final DeploymentWindows windows = new DeploymentWindows(20, 1000, 3, clock);

    @Test
    public void eachDeploymentHasItsOwnWindows() {
        windows.of("a").record("cpu", 2 * MS, MS);
        windows.of("b").record("cpu", 8 * MS, 2 * MS);
        windows.of("b").record("gpu", 8 * MS, 8 * MS);
        assertEquals(1.0, windows.metrics("a").get(Metrics.LATENCY_COUNT), 0);
        assertEquals(2.0, windows.metrics("a").get(Metrics.LATENCY_MEAN_MS), 1e-9);
        assertEquals(2.0, windows.metrics("a").get(Metrics.SLOWDOWN_OF_BACKEND + "cpu"), 1e-9);
        assertEquals(2.0, windows.metrics("b").get(Metrics.LATENCY_COUNT), 0);
        assertEquals(4.0, windows.metrics("b").get(Metrics.SLOWDOWN_OF_BACKEND + "cpu"), 1e-9);
        assertEquals(1.0, windows.metrics("b").get(Metrics.SLOWDOWN_OF_BACKEND + "gpu"), 1e-9);
        assertFalse("a never ran on the gpu",
            windows.metrics("a").containsKey(Metrics.SLOWDOWN_OF_BACKEND + "gpu"));
    }

    @Test
    public void aDeploymentWithoutRunsHasNoMetricsAndNoWindows() {
        windows.of("a").record(2 * MS, 0);
        assertTrue(windows.metrics("never").isEmpty());
        assertEquals(1, windows.size());
    }

    @Test
    public void aNullDeploymentIsTheDefaultOne() {
        windows.of(null).record(2 * MS, 0);
        assertSame(windows.of(Deployments.DEFAULT), windows.of(null));
        assertEquals(1.0, windows.metrics(Deployments.DEFAULT).get(Metrics.LATENCY_COUNT), 0);
        assertEquals(1.0, windows.metrics(null).get(Metrics.LATENCY_COUNT), 0);
    }

    @Test
    public void aRunWithoutABackendCountsInTheWindowOverAllRunsOnly() {
        windows.of("a").record(null, 2 * MS, MS);
        assertEquals(1.0, windows.metrics("a").get(Metrics.LATENCY_COUNT), 0);
        assertEquals(2.0, windows.metrics("a").get(Metrics.SLOWDOWN), 1e-9);
        assertTrue("no per-backend slowdown: " + windows.metrics("a"), windows.metrics("a").keySet().stream()
            .noneMatch(metric -> metric.startsWith(Metrics.SLOWDOWN_OF_BACKEND)));
    }

    @Test
    public void aFurtherDeploymentDropsTheOneThatRanLongestAgo() {
        windows.of("a").record(MS, 0);
        clock.advanceMillis(1);
        windows.of("b").record(MS, 0);
        clock.advanceMillis(1);
        windows.of("c").record(MS, 0);
        clock.advanceMillis(1);
        windows.of("a").record(MS, 0);
        clock.advanceMillis(1);
        windows.of("d").record(3 * MS, 0);
        assertEquals(3, windows.size());
        assertTrue("b ran longest ago", windows.metrics("b").isEmpty());
        assertEquals(2.0, windows.metrics("a").get(Metrics.LATENCY_COUNT), 0);
        assertEquals(1.0, windows.metrics("c").get(Metrics.LATENCY_COUNT), 0);
        assertEquals(3.0, windows.metrics("d").get(Metrics.LATENCY_MEAN_MS), 1e-9);
    }

    @Test
    public void aDroppedDeploymentStartsAnEmptyWindowWhenItRunsAgain() {
        DeploymentWindows one = new DeploymentWindows(20, 1000, 1, clock);
        one.of("a").record(MS, 0);
        one.of("a").record(MS, 0);
        one.of("b").record(MS, 0);
        one.of("a").record(5 * MS, 0);
        assertEquals(1, one.size());
        assertTrue(one.metrics("b").isEmpty());
        assertEquals(1.0, one.metrics("a").get(Metrics.LATENCY_COUNT), 0);
        assertEquals(5.0, one.metrics("a").get(Metrics.LATENCY_MEAN_MS), 1e-9);
    }

    @Test
    public void manyNamesKeepTheBound() {
        for (int i = 0; i < 1000; i++) {
            clock.advanceMillis(1);
            windows.of("flood-" + i).record(MS, 0);
        }
        assertEquals(3, windows.size());
        assertEquals(1.0, windows.metrics("flood-999").get(Metrics.LATENCY_COUNT), 0);
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsABoundBelowOne() {
        new DeploymentWindows(20, 1000, 0, clock);
    }
}
