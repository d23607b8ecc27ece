package io.dynofa.manager.internal;

import io.dynofa.util.internal.DaemonThreads;
import java.util.ArrayList;
import java.util.List;
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
 * {@link #close} waits (bounded) for every such thread too: a JVM that exits while one is inside ONNX Runtime
 * crashes.
 */
final class LoaderThread implements AutoCloseable {
    private static final long IDLE_SECONDS = 60;
    private static final long CLOSE_WAIT_MS = 5_000;

    private ExecutorService current = newThread();
    private final List<ExecutorService> abandoned = new ArrayList<>();

    synchronized Executor executor() {
        return current;
    }

    /** The task running now overran its bound: the next ones run on a new thread; this one ends after it. */
    synchronized void abandon() {
        current.shutdown();
        abandoned.removeIf(ExecutorService::isTerminated);
        abandoned.add(current);
        current = newThread();
    }

    /** No new work; waits up to {@value #CLOSE_WAIT_MS} ms for the level in progress on each thread to end. */
    @Override
    public void close() {
        List<ExecutorService> all;
        synchronized (this) {
            current.shutdown();
            all = new ArrayList<>(abandoned);
            all.add(current);
        }
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MS);
        for (ExecutorService executor : all) {
            try {
                executor.awaitTermination(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One thread, ending after a minute without work (a family loads in one burst). */
    private static ExecutorService newThread() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, IDLE_SECONDS, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), DaemonThreads.factory("dynofa-level-loader"));
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
