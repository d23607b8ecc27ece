package io.dynofa.itests;

import static org.junit.Assert.assertEquals;

import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A thread that keeps reading the runtime's status and records every one that is not READY. */
public final class ReadyWatch implements AutoCloseable {
    private static final int KEPT = 5;

    private final RuntimeControl control;
    private final Thread thread;
    private final AtomicLong looks = new AtomicLong();
    private final List<RuntimeStatus> notReady = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    public ReadyWatch(RuntimeControl control) {
        this.control = control;
        this.thread = new Thread(this::loop, "itest-ready-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            RuntimeStatus status = control.status();
            looks.incrementAndGet();
            if (status.state() != RuntimeStatus.State.READY && notReady.size() < KEPT) {
                notReady.add(status);
            }
            Gateway.sleep(10);
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
        running = false;
        thread.join(10_000);
    }
}
