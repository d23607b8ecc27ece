package io.dynofa.manager.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

public class ActiveSetTest {
    private final List<FakeModel> models = new ArrayList<>();

    private ActiveSet newSet(int levels) {
        return FakeSets.of(levels, 0, models);
    }

    private void assertClosedExactlyOnce() {
        for (FakeModel m : models) {
            assertEquals(m.name() + " closes", 1, m.closes());
        }
    }

    @Test
    public void retiringWithALeaseOutClosesOnlyWhenItIsReturned() {
        ActiveSet set = newSet(2);
        assertTrue(set.acquire());

        set.retire();
        assertFalse(set.isClosed());
        assertTrue(models.stream().noneMatch(FakeModel::isClosed));

        set.release();
        assertTrue(set.isClosed());
        assertClosedExactlyOnce();
    }

    @Test
    public void theStartingLevelIsNoSwitchAndEachSwitchRemembersTheLevelLeft() {
        ActiveSet set = newSet(4);
        set.startAt(9);
        assertEquals("clamped", 3, set.current());
        assertEquals("nothing served before", -1, set.previous());

        assertTrue(set.select(1));
        assertEquals(3, set.previous());
        assertFalse("already there", set.select(1));
        assertEquals(3, set.previous());
        assertTrue(set.select(2));
        assertEquals(1, set.previous());
    }

    @Test
    public void retiringWithNoLeaseClosesAtOnce() {
        ActiveSet set = newSet(3);
        assertTrue(set.acquire());
        set.release();

        set.retire();

        assertTrue(set.isClosed());
        assertClosedExactlyOnce();
    }

    @Test
    public void acquiringARetiredSetFailsAndClosesNothingTwice() {
        ActiveSet set = newSet(2);
        set.retire();

        assertFalse(set.acquire());
        assertFalse(set.acquire());
        set.retire();
        assertClosedExactlyOnce();
    }

    @Test
    public void selectClampsIntoRangeAndReportsWhetherTheLevelChanged() {
        ActiveSet set = newSet(3);

        assertFalse(set.select(0));
        assertTrue(set.select(99));
        assertEquals(2, set.current());
        assertEquals("l2", set.currentLevel().level().id());
        assertFalse(set.select(5));
        assertTrue(set.select(-4));
        assertEquals(0, set.current());
        assertEquals(1, set.indexOf("l1"));
        assertEquals(-1, set.indexOf("nope"));
    }

    @Test
    public void closesExactlyOnceAndNeverUnderALeaseWhenRetiredDuringConcurrentUse() throws Exception {
        int threads = 3;
        AtomicInteger leasedWhileClosed = new AtomicInteger();
        for (int round = 0; round < 300; round++) {
            models.clear();
            ActiveSet set = newSet(2);
            CountDownLatch running = new CountDownLatch(threads);
            CountDownLatch done = new CountDownLatch(threads);
            for (int t = 0; t < threads; t++) {
                Thread user = new Thread(() -> {
                    running.countDown();
                    while (set.acquire()) {
                        if (set.isClosed() || models.stream().anyMatch(FakeModel::isClosed)) {
                            leasedWhileClosed.incrementAndGet();
                        }
                        set.release();
                    }
                    done.countDown();
                });
                user.setDaemon(true);
                user.start();
            }
            assertTrue(running.await(5, TimeUnit.SECONDS));
            set.retire();
            assertTrue("users stop once the set is retired", done.await(5, TimeUnit.SECONDS));

            assertTrue(set.isClosed());
            assertClosedExactlyOnce();
        }
        assertEquals("leases granted on closed models", 0, leasedWhileClosed.get());
    }
}
