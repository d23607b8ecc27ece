package io.dynofa.demo.internal;

/**
 * Which sample images the next frame carries: {@code itemsPerFrame} consecutive images, going on where the
 * frame before stopped, dropped frames included (a camera does not wait). Looping wraps round the end; a single
 * pass ends with a shorter last frame, so each image is sent once. Not thread-safe: one thread drives it.
 */
final class SampleCursor {
    private final int size;
    private final int itemsPerFrame;
    private final boolean loop;
    private final Runnable passCompleted;
    private int next;
    private boolean ended;

    /** @param passCompleted told each time the frames have covered the whole sample once more */
    SampleCursor(int size, int itemsPerFrame, boolean loop, Runnable passCompleted) {
        if (size <= 0 || itemsPerFrame <= 0) {
            throw new IllegalArgumentException("size " + size + " and items per frame " + itemsPerFrame
                + " must be positive");
        }
        this.size = size;
        this.itemsPerFrame = itemsPerFrame;
        this.loop = loop;
        this.passCompleted = passCompleted;
    }

    /** The next frame, or null once a single pass has ended. */
    Frame next(long number, long arrivalNanos, long deadlineNanos) {
        if (ended) {
            return null;
        }
        int first = next;
        int items = loop ? itemsPerFrame : Math.min(itemsPerFrame, size - first);
        long end = (long) first + items;
        for (long wrapped = end / size; wrapped > 0; wrapped--) {
            passCompleted.run();
        }
        next = (int) (end % size);
        ended = !loop && next == 0;
        return new Frame(number, arrivalNanos, deadlineNanos, first, items);
    }

    /** Whether a single pass has given its last frame. */
    boolean ended() {
        return ended;
    }
}
