package io.dynofa.reporter.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleFunction;

/**
 * Emits one line per period on a single daemon thread, starting one period after {@link #start}, and
 * after the duration runs {@code onFinish} once (no line follows it).
 */
final class ReportLoop implements AutoCloseable {
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "dynofa-headless-reporter");
        thread.setDaemon(true);
        return thread;
    });
    private final long periodNanos;
    private final DoubleFunction<String> lineAtSeconds;
    private final Consumer<String> out;
    private long startNanos;

    /**
     * @param lineAtSeconds the line for a time in seconds since the start
     * @param out where lines go
     */
    ReportLoop(long periodMillis, DoubleFunction<String> lineAtSeconds, Consumer<String> out) {
        this.periodNanos = TimeUnit.MILLISECONDS.toNanos(periodMillis);
        this.lineAtSeconds = lineAtSeconds;
        this.out = out;
    }

    void start(double durationSeconds, Runnable onFinish) {
        startNanos = System.nanoTime();
        executor.scheduleAtFixedRate(this::report, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        executor.schedule(() -> finish(onFinish), Math.round(durationSeconds * 1e9), TimeUnit.NANOSECONDS);
    }

    private void report() {
        try {
            out.accept(lineAtSeconds.apply((System.nanoTime() - startNanos) / 1e9));
        } catch (RuntimeException e) {
            System.getLogger(ReportLoop.class.getName()).log(System.Logger.Level.WARNING, "report failed", e);
        }
    }

    private void finish(Runnable onFinish) {
        executor.shutdown();
        onFinish.run();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
