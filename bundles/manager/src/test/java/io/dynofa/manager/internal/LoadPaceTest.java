package io.dynofa.manager.internal;

import static org.junit.Assert.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.Test;

public class LoadPaceTest {
    @Test
    public void yieldingRestsAsLongAsTheWorkTookAndAtLeastItsMinimum() {
        long t0 = System.nanoTime();
        LoadPace.YIELDING.rest(TimeUnit.MILLISECONDS.toNanos(3));
        assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(3));
        long t1 = System.nanoTime();
        LoadPace.YIELDING.rest(1);
        assertTrue(System.nanoTime() - t1 >= TimeUnit.MICROSECONDS.toNanos(LoadPace.MIN_REST_MICROS));
    }

    @Test
    public void fullSpeedNeverRests() {
        long t0 = System.nanoTime();
        LoadPace.FULL.rest(TimeUnit.SECONDS.toNanos(30));
        assertTrue("a 30 s rest was skipped", System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10));
    }
}
