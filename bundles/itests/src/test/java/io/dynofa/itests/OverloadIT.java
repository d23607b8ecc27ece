package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InferenceException.Reason;
import io.dynofa.inference.api.InferenceService;
import io.dynofa.inference.api.Tensor;
import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.RuntimeControl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.Test;

/**
 * Offered more than it can serve, the gateway refuses the excess at once and counts it, answers every request
 * it accepted, and its heap stays flat. Prints the figures (offered, admitted, rejected, admitted p99, heap).
 */
public class OverloadIT extends GatewayIT {
    private static final int BATCH = 64;
    private static final long OPEN_LOOP_MS = 4_000;

    @Override
    protected List<String> modules() {
        return gatewayWithout("demo");
    }

    @Override
    protected Map<String, Map<String, String>> configurations() {
        return Map.of(RUNTIME_PID, Map.of("family", FAMILY, "asyncThreads", "2", "asyncQueueSize", "64",
            "requestTimeoutMs", "500"));
    }

    private static Tensor frame() {
        float[] pixels = new float[BATCH * 28 * 28];
        Arrays.fill(pixels, 0.5f);
        return Tensor.ofFloats(pixels, BATCH, 1, 28, 28);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double percentile(List<Long> nanos, double p) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    @Test
    public void twiceTheCapacityOpenLoopIsRefusedAtOnceCountedAndEveryAcceptedRequestAnswered() throws Exception {
        ready();
        RuntimeControl control = control();
        Level largest = control.levels().get(control.levels().size() - 1);
        control.pin(largest.id());
        await("largest level pinned").untilAsserted(() ->
            assertEquals("status " + control.status(), largest.id(), control.status().levelId()));
        InferenceService inference = inference();
        Tensor frame = frame();

        long t0 = System.nanoTime();
        int closedLoop = 0;
        while (System.nanoTime() - t0 < 1_000_000_000L) {
            inference.infer(frame);
            closedLoop++;
        }
        double capacityPerSecond = 2.0 * closedLoop; // two cores, two async workers
        long heapBefore = usedHeapAfterGc();
        Map<String, Long> rejectedBefore = control.status().rejected();

        long periodNanos = (long) (1e9 / (2 * capacityPerSecond));
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        long start = System.nanoTime();
        long next = start;
        while (System.nanoTime() - start < OPEN_LOOP_MS * 1_000_000L) {
            long now = System.nanoTime();
            if (now < next) {
                LockSupport.parkNanos(next - now);
                continue;
            }
            futures.add(inference.inferAsync(frame).thenApply(r -> System.nanoTime() - now));
            next += periodNanos;
        }
        Map<Reason, Integer> outcomes = new EnumMap<>(Reason.class);
        List<Long> admitted = new ArrayList<>();
        int served = 0;
        for (CompletableFuture<Long> future : futures) {
            try {
                admitted.add(future.get(10, TimeUnit.SECONDS));
                served++;
            } catch (ExecutionException e) {
                Reason reason = ((InferenceException) e.getCause()).reason();
                outcomes.merge(reason, 1, Integer::sum);
            }
        }
        long heapAfter = usedHeapAfterGc();
        control.unpin();

        int rejected = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("overload: capacity %.0f req/s (batch %d, level %s), offered %d in %d ms, served %d, "
                + "rejected %s, admitted p50 %.1f ms p99 %.1f ms (offered to answered), heap %d -> %d MiB%n",
            capacityPerSecond, BATCH, largest.id(), futures.size(), OPEN_LOOP_MS, served, outcomes,
            percentile(admitted, 0.5), percentile(admitted, 0.99), heapBefore >> 20, heapAfter >> 20);
        assertEquals("every request answered", futures.size(), served + rejected);
        assertTrue("the excess is refused: " + outcomes, rejected > 0);
        assertTrue("only admission refusals: " + outcomes, outcomes.keySet().stream()
            .allMatch(r -> r == Reason.OVERLOADED || r == Reason.DEADLINE_EXCEEDED));
        Map<String, Long> rejectedAfter = control.status().rejected();
        for (Map.Entry<Reason, Integer> e : outcomes.entrySet()) {
            long counted = rejectedAfter.getOrDefault(e.getKey().name(), 0L)
                - rejectedBefore.getOrDefault(e.getKey().name(), 0L);
            assertEquals("status counts " + e.getKey(), e.getValue().longValue(), counted);
        }
        assertTrue("heap flat: " + (heapBefore >> 20) + " -> " + (heapAfter >> 20) + " MiB",
            heapAfter - heapBefore < 64L << 20);
    }

    @Test
    public void sixtyFourCallersAtOnceAreServedInTurnWithoutFailure() throws Exception {
        ready();
        Map<String, Object> runtime = new HashMap<>(Map.of("family", FAMILY, "asyncThreads", "2",
            "asyncQueueSize", "64", "requestTimeoutMs", "500", "maxConcurrentRuns", "1024",
            "maxWaitingCallers", "65536"));
        configureAndAwait(runtime, 0.45);
        sixtyFourCallers("runs not bounded (1024)");
        runtime.remove("maxConcurrentRuns");
        configureAndAwait(runtime, 0.5);
        sixtyFourCallers("runs bounded to the processors (default)");
    }

    /**
     * Applies {@code runtime} with a target that shows in status, and waits until it does: the manager applies
     * the admission limits before the settings status shows, so they are in force then.
     */
    private void configureAndAwait(Map<String, Object> runtime, double targetMs) {
        runtime.put("targetLatencyMs", Double.toString(targetMs));
        configure(RUNTIME_PID, runtime);
        RuntimeControl control = control();
        await("target " + targetMs + " ms in force").untilAsserted(() ->
            assertEquals("status " + control.status(), targetMs, control.status().targetMs(), 0));
    }

    private void sixtyFourCallers(String mode) throws Exception {
        InferenceService inference = inference();
        Tensor input = validInput();
        int threads = 64;
        List<List<Long>> latencies = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        List<Thread> callers = new ArrayList<>();
        long end = System.nanoTime() + 2_000_000_000L;
        for (int t = 0; t < threads; t++) {
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            Thread caller = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    try {
                        inference.infer(input);
                        mine.add(System.nanoTime() - s);
                    } catch (InferenceException e) {
                        failures.incrementAndGet();
                    }
                }
            });
            callers.add(caller);
            caller.start();
        }
        for (Thread caller : callers) {
            caller.join();
        }
        List<Long> all = latencies.stream().flatMap(List::stream).toList();
        System.out.printf("64 sync callers, %s: %d requests in 2 s, %d failed, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
            mode, all.size(), failures.get(), percentile(all, 0.5), percentile(all, 0.99), percentile(all, 1.0));
        assertEquals("no caller refused at 64 (maxWaitingCallers 256)", 0, failures.get());
        assertTrue(all.size() > threads);
    }
}
