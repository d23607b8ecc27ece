package io.dynofa.monitor.common.internal;

import java.io.IOException;

/** Where a monitor's readings come from. Called by one thread at a time. */
public interface ReadingSource {

    /**
     * Reads the source once. A source may return an unavailable reading itself.
     *
     * @throws IOException or a {@link RuntimeException} when the source cannot be read or is malformed
     * @throws InterruptedException when interrupted while waiting for the source; the latest reading stays
     */
    Reading read() throws IOException, InterruptedException;

    /** Why the monitor is unavailable, given the failure {@link #read()} threw. */
    String unavailableReason(Exception failure);

    /** Called after {@link #read()} failed: a stateful source forgets what it measured before. */
    default void forget() {
    }
}
