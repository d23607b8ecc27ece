package io.dynofa.bench.internal;

import io.dynofa.util.internal.Stats;

/** Heap bytes allocated per call on the calling thread ({@link Probes#allocatedBytes()}). */
final class AllocationMeter {
    private static final int WARM_UP = 200;

    private final Sink sink;

    AllocationMeter(Sink sink) {
        this.sink = sink;
    }

    /** Bytes allocated on this thread per call, over {@code n} calls, less the probe's own allocation. */
    double bytesPerCall(Call call, int n) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            sink.add(call.run(i));
        }
        long p0 = Probes.allocatedBytes();
        long p1 = Probes.allocatedBytes();
        long probe = p1 - p0;
        long a0 = Probes.allocatedBytes();
        for (int i = 0; i < n; i++) {
            sink.add(call.run(i));
        }
        long a1 = Probes.allocatedBytes();
        if (a0 < 0 || a1 < 0) {
            return Double.NaN;
        }
        return Stats.round((a1 - a0 - probe) / (double) n, 1);
    }
}
