package io.dynofa.manager.internal;

import static org.junit.Assert.assertEquals;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.Test;

public class LateRunsTest {
    private static final long FIFTY_MS = TimeUnit.MILLISECONDS.toNanos(50);

    private final ManagerThread decisions = new ManagerThread("test-decider");
    private final AtomicInteger decided = new AtomicInteger();

    @After
    public void stop() {
        decisions.shutdown();
    }

    @Test
    public void aRunPastTheDeadlineAsksForOneDecisionAtOnce() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        LateRuns late = new LateRuns(() -> FIFTY_MS, decisions, () -> {
            decided.incrementAndGet();
            await(hold);
        });
        late.inferred("l2", TimeUnit.MILLISECONDS.toNanos(51), 0);
        Waits.await("the decision").until(decided::get, n -> n == 1);
        late.inferred("l2", TimeUnit.MILLISECONDS.toNanos(80), 0);
        late.inferred("l2", TimeUnit.MILLISECONDS.toNanos(90), 0);
        hold.countDown();
        Waits.await("one more decision for the two late runs queued while one ran").until(decided::get, n -> n == 2);
        CountDownLatch after = new CountDownLatch(1);
        decisions.schedule(after::countDown, 20 * LateRuns.DELAY_MS);
        await(after);
        assertEquals(2, decided.get());
    }

    @Test
    public void runsWithinTheDeadlineOrWithoutOneAskForNothing() {
        new LateRuns(() -> FIFTY_MS, decisions, decided::incrementAndGet).inferred("l2", TimeUnit.MILLISECONDS.toNanos(50),
            0);
        new LateRuns(() -> 0L, decisions, decided::incrementAndGet).inferred("l2", TimeUnit.SECONDS.toNanos(9), 0);
        CountDownLatch after = new CountDownLatch(1);
        decisions.schedule(after::countDown, 20 * LateRuns.DELAY_MS);
        await(after);
        assertEquals("a decision asked for would have run before the later task", 0, decided.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
