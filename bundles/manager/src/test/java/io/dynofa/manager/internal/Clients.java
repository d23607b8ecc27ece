package io.dynofa.manager.internal;

import static org.junit.Assert.assertTrue;

import io.dynofa.inference.api.InferenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/** Threads calling {@link RuntimeManager#infer} in a loop until closed; they count what served and what failed. */
final class Clients implements AutoCloseable {
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Map<String, LongAdder> servedByFamily = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    Clients(RuntimeManager manager, int count) {
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        String family = manager.infer(ManagerRule.validInput()).familyId();
                        servedByFamily.computeIfAbsent(family, f -> new LongAdder()).increment();
                    } catch (InferenceException | RuntimeException e) {
                        failures.add(e);
                    }
                }
            }, "test-client-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    long served(String family) {
        LongAdder n = servedByFamily.get(family);
        return n == null ? 0 : n.sum();
    }

    /** Waits until {@code family} has served {@code more} requests beyond what it had served when called. */
    void awaitServed(String family, long more) {
        long before = served(family);
        Waits.await(more + " more requests served by " + family)
            .untilAsserted(() -> assertTrue("served " + servedByFamily + ", failures " + failures,
                served(family) >= before + more));
    }

    List<Throwable> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(5_000);
        }
    }
}
