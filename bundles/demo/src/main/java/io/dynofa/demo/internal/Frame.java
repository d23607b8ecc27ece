package io.dynofa.demo.internal;

/**
 * One camera frame: its number, when it arrived, how long after that it is due, and the sample images it
 * carries ({@code items} consecutive images from {@code firstImage}, wrapping round the end of the sample).
 * Times are {@link System#nanoTime()} values.
 *
 * @param deadlineNanos time from arrival to the deadline; 0 = no deadline
 */
record Frame(long number, long arrivalNanos, long deadlineNanos, int firstImage, int items) {

    boolean hasDeadline() {
        return deadlineNanos > 0;
    }

    /** Time left at {@code nowNanos} before the deadline (negative once passed); Long.MAX_VALUE without one. */
    long remainingNanos(long nowNanos) {
        return hasDeadline() ? arrivalNanos + deadlineNanos - nowNanos : Long.MAX_VALUE;
    }

    /** Whether a frame ending at {@code endNanos} ends after its deadline. */
    boolean lateAt(long endNanos) {
        return hasDeadline() && endNanos - arrivalNanos > deadlineNanos;
    }
}
