package io.dynofa.monitor.cpu.internal;

import java.util.OptionalDouble;

/**
 * The aggregate CPU counters of {@code /proc/stat}'s first {@code cpu } line, in clock ticks.
 *
 * @param busy ticks not spent idle or waiting for I/O
 * @param total all ticks (user nice system idle iowait irq softirq steal)
 */
record CpuTimes(long busy, long total) {
    private static final String AGGREGATE_LINE = "cpu ";
    private static final int FIELDS = 8;
    private static final int MIN_FIELDS = 4;
    private static final int IDLE = 3;
    private static final int IOWAIT = 4;

    /** @throws IllegalArgumentException when the text has no well-formed aggregate {@code cpu } line */
    static CpuTimes parse(String procStat) {
        for (String line : procStat.split("\n")) {
            if (line.startsWith(AGGREGATE_LINE)) {
                return fromFields(line.substring(AGGREGATE_LINE.length()).trim().split("\\s+"));
            }
        }
        throw new IllegalArgumentException("no aggregate 'cpu ' line");
    }

    private static CpuTimes fromFields(String[] fields) {
        if (fields.length < MIN_FIELDS) {
            throw new IllegalArgumentException("'cpu ' line has " + fields.length + " fields, expected at least "
                + MIN_FIELDS);
        }
        long[] ticks = new long[FIELDS];
        for (int i = 0; i < Math.min(FIELDS, fields.length); i++) {
            try {
                ticks[i] = Long.parseLong(fields[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'cpu ' line field " + (i + 1) + " is not a number: " + fields[i]);
            }
        }
        long total = 0;
        for (long t : ticks) {
            total += t;
        }
        return new CpuTimes(total - ticks[IDLE] - ticks[IOWAIT], total);
    }

    /** Busy share of the ticks since {@code earlier}, 0..1; empty when no tick elapsed. */
    OptionalDouble utilisationSince(CpuTimes earlier) {
        long elapsed = total - earlier.total;
        if (elapsed <= 0) {
            return OptionalDouble.empty();
        }
        double busyShare = (double) (busy - earlier.busy) / elapsed;
        return OptionalDouble.of(Math.min(1.0, Math.max(0.0, busyShare)));
    }
}
