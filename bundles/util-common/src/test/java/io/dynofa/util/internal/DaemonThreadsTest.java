package io.dynofa.util.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;

public class DaemonThreadsTest {

    @Test
    public void aFactoryMakesUnstartedDaemonThreadsWithCountedNames() {
        ThreadFactory factory = DaemonThreads.factory("dynofa-test");
        Thread first = factory.newThread(() -> { });
        Thread second = factory.newThread(() -> { });
        assertEquals("dynofa-test-1", first.getName());
        assertEquals("dynofa-test-2", second.getName());
        assertTrue(first.isDaemon() && second.isDaemon());
        assertEquals(Thread.State.NEW, first.getState());
        assertEquals("each factory counts on its own", "dynofa-test-1",
            DaemonThreads.factory("dynofa-test").newThread(() -> { }).getName());
    }

    @Test
    public void aSingleThreadIsNamedExactlyAndRunsItsTask() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        AtomicReference<Thread> runner = new AtomicReference<>();
        Thread thread = DaemonThreads.start("dynofa-single", () -> {
            runner.set(Thread.currentThread());
            ran.countDown();
        });
        assertTrue(ran.await(30, TimeUnit.SECONDS));
        assertEquals(thread, runner.get());
        assertEquals("dynofa-single", thread.getName());
        assertTrue(thread.isDaemon());
        assertEquals(Thread.State.NEW, DaemonThreads.create("dynofa-later", () -> { }).getState());
    }

    @Test
    public void aSchedulerRunsOnANamedDaemonThreadAndStopInterruptsItsTask() throws Exception {
        ScheduledExecutorService scheduler = DaemonThreads.scheduler("dynofa-sched");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        AtomicReference<Thread> runner = new AtomicReference<>();
        scheduler.execute(() -> {
            runner.set(Thread.currentThread());
            started.countDown();
            try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(10));
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        assertTrue(started.await(30, TimeUnit.SECONDS));
        assertEquals("dynofa-sched", runner.get().getName());
        assertTrue(runner.get().isDaemon());

        assertTrue(DaemonThreads.stop(scheduler, Duration.ofSeconds(30)));
        assertEquals(0, interrupted.getCount());
        assertTrue(scheduler.isTerminated());
    }

    @Test
    public void stopReportsATaskThatIgnoresTheInterruptAndKeepsTheCallersInterrupt() throws Exception {
        ScheduledExecutorService scheduler = DaemonThreads.scheduler("dynofa-stubborn");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        scheduler.execute(() -> {
            started.countDown();
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException ignored) {
                    // keeps running until released
                }
            }
        });
        assertTrue(started.await(30, TimeUnit.SECONDS));
        assertFalse(DaemonThreads.stop(scheduler, Duration.ZERO));

        Thread.currentThread().interrupt();
        try {
            assertFalse(DaemonThreads.stop(scheduler, Duration.ofMinutes(1)));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
            release.countDown();
        }
        assertTrue(DaemonThreads.stop(scheduler, Duration.ofSeconds(30)));
    }
}
