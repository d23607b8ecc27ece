package io.dynofa.demo.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class FrameWindowTest {
    private static final long MS = 1_000_000;

    @Test
    public void readsTheFramesThatEndedInTheWindowOnly() {
        FrameWindow window = new FrameWindow(1_000 * MS);
        window.record(100 * MS, 5 * MS, false);
        window.record(600 * MS, -1, true);
        window.record(900 * MS, 30 * MS, true);
        FrameWindow.Reading all = window.read(1_000 * MS);
        assertEquals(3, all.frames());
        assertEquals(2, all.misses());
        assertEquals(2.0 / 3, all.missRate(), 1e-12);
        FrameWindow.Reading later = window.read(1_100 * MS);
        assertEquals("the frame that ended at 100 ms has left", 2, later.frames());
        assertEquals(1.0, later.missRate(), 0);
        assertEquals("the dropped frame has no latency", 30.0, later.p95Millis(), 0);
        FrameWindow.Reading empty = window.read(5_000 * MS);
        assertEquals(0, empty.frames());
        assertTrue(Double.isNaN(empty.missRate()));
        assertTrue(Double.isNaN(empty.p95Millis()));
    }

    @Test
    public void percentilesAreNearestRankOverTheAnsweredFrames() {
        FrameWindow window = new FrameWindow(1_000 * MS);
        for (int i = 1; i <= 100; i++) {
            window.record(i * MS, i * MS, false);
        }
        FrameWindow.Reading reading = window.read(200 * MS);
        assertEquals(95.0, reading.p95Millis(), 0);
        assertEquals(99.0, reading.p99Millis(), 0);
        assertEquals(0.0, reading.missRate(), 0);
    }

    @Test
    public void holdsTheNewestFramesOnlyWhenMoreEndInTheWindowThanItsCapacity() {
        FrameWindow window = new FrameWindow(1_000 * MS);
        for (int i = 0; i < FrameWindow.CAPACITY + 10; i++) {
            window.record(i, i < 10 ? 1_000 * MS : MS, i < 10);
        }
        FrameWindow.Reading reading = window.read(FrameWindow.CAPACITY + 10);
        assertEquals(FrameWindow.CAPACITY, reading.frames());
        assertEquals(0, reading.misses());
        assertEquals(1.0, reading.p99Millis(), 0);
    }

    @Test
    public void aShorterWindowAppliesAtTheNextRead() {
        FrameWindow window = new FrameWindow(1_000 * MS);
        window.record(0, MS, false);
        window.record(800 * MS, MS, false);
        window.window(100 * MS);
        assertEquals(1, window.read(850 * MS).frames());
    }
}
