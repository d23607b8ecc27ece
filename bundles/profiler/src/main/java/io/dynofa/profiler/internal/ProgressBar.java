package io.dynofa.profiler.internal;

import io.dynofa.profile.api.ProfileProgress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line console progress bar over several backends (redrawn with a carriage return): candidates
 * done of all, the backend and level being measured, elapsed time and the estimated time left.
 */
final class ProgressBar implements ProfileProgress {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final int backends;
    private final LongSupplier clock;
    private final long start;
    private int backendIndex = -1;
    private String lastBackend;
    private int lastLength;

    ProgressBar(PrintStream out, int backends, LongSupplier clock) {
        this.out = out;
        this.backends = Math.max(1, backends);
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    @Override
    public synchronized void update(String backendId, int done, int total, String levelId) {
        if (!backendId.equals(lastBackend)) {
            lastBackend = backendId;
            backendIndex++;
        }
        String line = line(backendId, backendIndex, backends, done, total, levelId, clock.getAsLong() - start);
        StringBuilder text = new StringBuilder("\r").append(line);
        for (int i = line.length(); i < lastLength; i++) {
            text.append(' ');
        }
        lastLength = line.length();
        out.print(text);
        if (done == total && backendIndex == backends - 1) {
            out.println();
        }
        out.flush();
    }

    /** The bar's text; the ETA assumes every backend has {@code total} candidates taking as long as those done. */
    static String line(String backendId, int backendIndex, int backends, int done, int total, String levelId,
                       long elapsedNanos) {
        int all = backends * total;
        int finished = Math.min(all, backendIndex * total + done);
        int filled = all == 0 ? WIDTH : (int) ((long) WIDTH * finished / all);
        String eta = finished == 0 ? "--:--" : clock(elapsedNanos * (all - finished) / finished);
        return String.format(Locale.ROOT, "[%s%s] %3d/%d %s %-12s elapsed %s  ETA %s", "#".repeat(filled),
            ".".repeat(WIDTH - filled), finished, all, backendId, levelId == null ? "done" : levelId,
            clock(elapsedNanos), eta);
    }

    static String clock(long nanos) {
        long s = Math.round(nanos / 1e9);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
