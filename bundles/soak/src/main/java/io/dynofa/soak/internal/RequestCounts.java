package io.dynofa.soak.internal;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Requests served and failed (by reason) since the start; {@link #snapshot} and {@link Counts#minus} per cycle. */
final class RequestCounts {
    private final LongAdder served = new LongAdder();
    private final Map<String, LongAdder> failed = new ConcurrentHashMap<>();

    void served() {
        served.increment();
    }

    void failed(String reason) {
        failed.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    Counts snapshot() {
        Map<String, Long> byReason = new TreeMap<>();
        failed.forEach((reason, n) -> byReason.put(reason, n.sum()));
        return new Counts(served.sum(), byReason);
    }

    /** Counts at one moment: served, and failed by reason (sorted by reason). */
    record Counts(long served, Map<String, Long> failedByReason) {

        Counts {
            failedByReason = Collections.unmodifiableMap(new TreeMap<>(failedByReason));
        }

        long failed() {
            return failedByReason.values().stream().mapToLong(Long::longValue).sum();
        }

        /** What was counted since {@code earlier}; reasons with nothing new are left out. */
        Counts minus(Counts earlier) {
            Map<String, Long> byReason = new TreeMap<>();
            failedByReason.forEach((reason, n) -> {
                long since = n - earlier.failedByReason.getOrDefault(reason, 0L);
                if (since > 0) {
                    byReason.put(reason, since);
                }
            });
            return new Counts(served - earlier.served, byReason);
        }

        /** These counts and {@code other}'s together. */
        Counts plus(Counts other) {
            Map<String, Long> byReason = new TreeMap<>(failedByReason);
            other.failedByReason.forEach((reason, n) -> byReason.merge(reason, n, Long::sum));
            return new Counts(served + other.served, byReason);
        }

        /** {@code NOT_READY 12; NO_SERVICE 3}, or {@code none}. */
        String reasons() {
            if (failedByReason.isEmpty()) {
                return "none";
            }
            StringBuilder text = new StringBuilder();
            failedByReason.forEach((reason, n) -> text.append(text.length() == 0 ? "" : "; ").append(reason)
                .append(' ').append(n));
            return text.toString();
        }
    }
}
