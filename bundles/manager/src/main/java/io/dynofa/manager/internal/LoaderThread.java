package io.dynofa.manager.internal;

import io.dynofa.util.internal.DaemonThreads;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one thread levels are loaded, probed, timed and checked on. One long-lived thread, because the native
 * allocations of every session then come from one malloc arena: a fresh thread per level spread them over many
 * arenas and cost about 60 MiB of RSS that fragmentation never gave back. When a level overruns its time bound
 * the thread is left to finish it (its result is released then) and a new one takes the next levels.
 */
final class LoaderThread implements AutoCloseable {
    private static final long IDLE_SECONDS = 60;

    private ExecutorService current = newThread();

    synchronized Executor executor() {
        return current;
    }

    /** The task running now overran its bound: the next ones run on a new thread; this one ends after it. */
    synchronized void abandon() {
        current.shutdown();
        current = newThread();
    }

    @Override
    public synchronized void close() {
        current.shutdown();
    }

    /** One thread, ending after a minute without work (a family loads in one burst). */
    private static ExecutorService newThread() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, IDLE_SECONDS, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), DaemonThreads.factory("dynofa-level-loader"));
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
