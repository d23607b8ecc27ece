package io.dynofa.launcher.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The body of bnd's launcher main thread ({@code Callable<Integer>} service with {@code main.thread=true}):
 * {@link #call} waits until an exit is requested and returns its status. bnd's launcher then stops the
 * framework, waits for it, and exits the JVM with that status.
 */
final class ExitRequest implements Callable<Integer> {
    private static final int NONE = Integer.MIN_VALUE;

    private final AtomicInteger status = new AtomicInteger(NONE);
    private final CountDownLatch requested = new CountDownLatch(1);

    /** Requests the exit with {@code exitStatus}; false when one was requested before (that one stands). */
    boolean request(int exitStatus) {
        if (!status.compareAndSet(NONE, exitStatus)) {
            return false;
        }
        requested.countDown();
        return true;
    }

    /** Whether an exit was requested. */
    boolean requested() {
        return status.get() != NONE;
    }

    @Override
    public Integer call() throws InterruptedException {
        requested.await();
        return status.get();
    }
}
