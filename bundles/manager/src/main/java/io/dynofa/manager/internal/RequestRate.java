package io.dynofa.manager.internal;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Requests per second a deployment serves, from its served counter, over windows of at least one second (the
 * last full window's rate; 0 before the first). Confined to the decision thread.
 */
final class RequestRate {
    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final LongSupplier served;
    private long windowStart = System.nanoTime();
    private long servedAtStart;
    private double perSecond;

    RequestRate(LongSupplier served) {
        this.served = served;
        this.servedAtStart = served.getAsLong();
    }

    double perSecond(long nowNanos) {
        long elapsed = nowNanos - windowStart;
        if (elapsed >= WINDOW_NANOS) {
            long count = served.getAsLong();
            perSecond = (count - servedAtStart) * 1e9 / elapsed;
            servedAtStart = count;
            windowStart = nowNanos;
        }
        return perSecond;
    }
}
