package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertTrue;

import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InferenceResult;
import io.dynofa.inference.api.InferenceService;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** A client thread that keeps inferring and records every outcome (for "zero failed requests" checks). */
public final class TrafficClient implements AutoCloseable {
    private final Supplier<InferenceService> service;
    private final Thread thread;
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong longestNanos = new AtomicLong();
    private final List<InferenceException> failures = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, AtomicLong> byLevel = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicLong> byBackend = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    public TrafficClient(Supplier<InferenceService> service) {
        this.service = service;
        this.thread = new Thread(this::loop, "itest-traffic");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            long t0 = System.nanoTime();
            try {
                InferenceResult r = service.get().infer(GatewayIT.validInput());
                served.incrementAndGet();
                byLevel.computeIfAbsent(r.levelId(), k -> new AtomicLong()).incrementAndGet();
                byBackend.computeIfAbsent(r.backendId(), k -> new AtomicLong()).incrementAndGet();
            } catch (InferenceException e) {
                failures.add(e);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            longestNanos.accumulateAndGet(System.nanoTime() - t0, Math::max);
        }
    }

    public long served() {
        return served.get();
    }

    /** Requests served by backend {@code backendId} so far. */
    public long servedBy(String backendId) {
        AtomicLong n = byBackend.get(backendId);
        return n == null ? 0 : n.get();
    }

    public List<InferenceException> failures() {
        return failures;
    }

    public long longestCallMillis() {
        return longestNanos.get() / 1_000_000;
    }

    /** Waits until {@code more} further requests have been served. */
    public void awaitServed(long more) {
        long goal = served() + more;
        await("traffic to serve " + more + " more requests").untilAsserted(() -> assertTrue("served " + served()
            + " of " + goal + ", failures " + failures.size()
            + (failures.isEmpty() ? "" : ", last: " + failures.get(failures.size() - 1).getMessage()),
            served() >= goal));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
