package io.dynofa.itests;

import static org.junit.Assert.assertEquals;

import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Reads the runtime's status every 10 ms on a thread of its own and records every one that is not READY. */
public final class ReadyWatch implements AutoCloseable {
    private static final int KEPT = 5;

    private final RuntimeControl control;
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "itest-ready-watch");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong looks = new AtomicLong();
    private final List<RuntimeStatus> notReady = new CopyOnWriteArrayList<>();

    public ReadyWatch(RuntimeControl control) {
        this.control = control;
        reader.scheduleWithFixedDelay(this::look, 0, 10, TimeUnit.MILLISECONDS);
    }

    private void look() {
        RuntimeStatus status = control.status();
        looks.incrementAndGet();
        if (status.state() != RuntimeStatus.State.READY && notReady.size() < KEPT) {
            notReady.add(status);
        }
    }

    /** How many statuses were read so far. */
    public long looks() {
        return looks.get();
    }

    /** Fails naming the first statuses read that were not READY. */
    public void assertAlwaysReady() {
        assertEquals("statuses not READY among " + looks() + " read", List.of(), notReady);
    }

    @Override
    public void close() throws InterruptedException {
        reader.shutdown();
        reader.awaitTermination(10, TimeUnit.SECONDS);
    }
}
