package io.dynofa.reporter.internal;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/** A {@link ReportClock} whose time moves only when the test says: due tasks run, in time order, on the caller. */
final class ManualReportClock implements ReportClock {
    private record Task(long due, long order, Runnable body) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>(
        Comparator.comparingLong(Task::due).thenComparingLong(Task::order));
    private long now = 1_000_000_000L;
    private long scheduled;
    private boolean closed;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void schedule(Runnable task, long delayNanos) {
        if (!closed) {
            tasks.add(new Task(now + Math.max(0, delayNanos), scheduled++, task));
        }
    }

    @Override
    public void close() {
        closed = true;
        tasks.clear();
    }

    boolean closed() {
        return closed;
    }

    /** Moves the time {@code millis} on, running each task that falls due at its own time. */
    void advanceMillis(long millis) {
        long end = now + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!tasks.isEmpty() && tasks.peek().due() <= end) {
            Task task = tasks.poll();
            now = task.due();
            task.body().run();
        }
        now = end;
    }
}
