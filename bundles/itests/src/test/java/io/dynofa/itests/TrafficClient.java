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

/**
 * A client thread that keeps inferring, back to back or at a steady rate, and records every outcome (for "zero
 * failed requests" checks).
 */
public final class TrafficClient implements AutoCloseable {
    /** How far a paced client that fell behind catches up at once; an older backlog is dropped. */
    private static final long MAX_BACKLOG_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Supplier<InferenceService> service;
    private final long periodNanos;
    private final Thread thread;
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong longestNanos = new AtomicLong();
    private final List<InferenceException> failures = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, AtomicLong> byLevel = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicLong> byBackend = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    /** Requests back to back. */
    public TrafficClient(Supplier<InferenceService> service) {
        this(service, 0);
    }

    /** {@code requestsPerSecond} requests a second on average (0 = back to back). */
    public TrafficClient(Supplier<InferenceService> service, double requestsPerSecond) {
        this.service = service;
        this.periodNanos = requestsPerSecond > 0 ? Math.round(1e9 / requestsPerSecond) : 0;
        this.thread = new Thread(this::loop, "itest-traffic");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        long due = System.nanoTime();
        while (running) {
            if (periodNanos > 0) {
                due = Math.max(due + periodNanos, System.nanoTime() - MAX_BACKLOG_NANOS);
                while (running && System.nanoTime() < due) {
                    LockSupport.parkNanos(due - System.nanoTime());
                }
            }
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
