package io.dynofa.manager.internal;

import io.dynofa.inference.api.InferenceException.Reason;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counts of requests served and failed since start, the failures by reason. Lock-free. */
final class Outcomes {
    private final LongAdder served = new LongAdder();
    private final Map<Reason, LongAdder> failed = new EnumMap<>(Reason.class);

    Outcomes() {
        for (Reason reason : Reason.values()) {
            failed.put(reason, new LongAdder());
        }
    }

    void served() {
        served.increment();
    }

    void failed(Reason reason) {
        failed.get(reason).increment();
    }

    long servedCount() {
        return served.sum();
    }

    long failedCount() {
        return failed.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Failures by reason name, in the enum's order, only reasons that occurred. */
    Map<String, Long> byReason() {
        Map<String, Long> counts = new LinkedHashMap<>();
        failed.forEach((reason, count) -> {
            long n = count.sum();
            if (n > 0) {
                counts.put(reason.name(), n);
            }
        });
        return counts;
    }
}
