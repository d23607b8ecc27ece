package io.dynofa.monitor.latency.internal;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

final class FakeClock implements LongSupplier {
    private long nanos = 123_456_789L;

    @Override
    public long getAsLong() {
        return nanos;
    }

    void advanceMillis(long millis) {
        nanos += TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
