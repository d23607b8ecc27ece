package io.dynofa.demo.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

public class SampleCursorTest {
    private final AtomicInteger passes = new AtomicInteger();

    @Test
    public void loopingFramesTakeConsecutiveImagesAndWrapRoundTheEnd() {
        SampleCursor cursor = new SampleCursor(5, 3, true, passes::incrementAndGet);
        assertFrame(cursor.next(0, 100, 7), 0, 3);
        assertEquals(0, passes.get());
        Frame second = cursor.next(1, 200, 7);
        assertFrame(second, 3, 3);
        assertEquals(200, second.arrivalNanos());
        assertEquals(7, second.deadlineNanos());
        assertEquals(1, passes.get());
        assertFrame(cursor.next(2, 300, 7), 1, 3);
        assertFrame(cursor.next(3, 400, 7), 4, 3);
        assertEquals(2, passes.get());
        assertFalse(cursor.ended());
    }

    @Test
    public void aFrameLargerThanTheSampleCountsEveryPassItCovers() {
        SampleCursor cursor = new SampleCursor(2, 5, true, passes::incrementAndGet);
        assertFrame(cursor.next(0, 0, 0), 0, 5);
        assertEquals(2, passes.get());
        assertFrame(cursor.next(1, 0, 0), 1, 5);
        assertEquals(5, passes.get());
    }

    @Test
    public void aSinglePassEndsWithAShorterLastFrameSoEachImageIsSentOnce() {
        SampleCursor cursor = new SampleCursor(5, 2, false, passes::incrementAndGet);
        assertFrame(cursor.next(0, 0, 0), 0, 2);
        assertFrame(cursor.next(1, 0, 0), 2, 2);
        assertFalse(cursor.ended());
        assertFrame(cursor.next(2, 0, 0), 4, 1);
        assertTrue(cursor.ended());
        assertEquals(1, passes.get());
        assertNull(cursor.next(3, 0, 0));
    }

    private static void assertFrame(Frame frame, int firstImage, int items) {
        assertEquals("first image of " + frame, firstImage, frame.firstImage());
        assertEquals("items of " + frame, items, frame.items());
    }
}
