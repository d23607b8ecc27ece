package io.dynofa.launcher.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.IntConsumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.launch.Framework;

/**
 * Watches the framework stop that a signal started. {@link #listenTo} (before the stop starts) notes the bundles
 * then live; when the last of them has stopped the stop is logged, on the stopping thread, so before the launcher
 * can exit. {@link #await} exits the JVM anyway when the framework has not stopped within the bound, naming the
 * bundles still live.
 */
final class BoundedStop implements SynchronousBundleListener {
    private static final int LIVE = Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING;

    private final Framework framework;
    private final Termination signal;
    private final Duration bound;
    private final IntConsumer exit;
    private final Logger log;
    private final Map<Long, String> live = new ConcurrentSkipListMap<>();
    private final long start = System.nanoTime();
    private int expected;

    BoundedStop(Framework framework, Termination signal, Duration bound, IntConsumer exit, Logger log) {
        this.framework = framework;
        this.signal = signal;
        this.bound = bound;
        this.exit = exit;
        this.log = log;
    }

    /** Notes the live bundles of {@code context}'s framework and listens for them to stop. */
    void listenTo(BundleContext context) {
        context.addBundleListener(this);
        Arrays.stream(context.getBundles())
            .filter(b -> b.getBundleId() != 0 && (b.getState() & LIVE) != 0)
            .forEach(b -> live.put(b.getBundleId(), String.valueOf(b.getSymbolicName())));
        expected = live.size();
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.STOPPED && live.remove(event.getBundle().getBundleId()) != null
            && live.isEmpty()) {
            log.log(Level.INFO, signal + ": all " + expected + " bundles stopped in "
                + (System.nanoTime() - start) / 1_000_000 + " ms; exiting with status " + signal.exitStatus());
        }
    }

    /** Waits for the framework to stop, at most the bound; past it, exits with the signal's status. */
    void await() {
        FrameworkEvent event;
        try {
            event = framework.waitForStop(bound.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            event = null;
        }
        if (event != null && event.getType() != FrameworkEvent.WAIT_TIMEDOUT) {
            return;
        }
        log.log(Level.WARNING, signal + ": the framework did not stop within " + bound.toMillis() + " ms ("
            + (expected - live.size()) + " of " + expected + " bundles stopped, still live: "
            + String.join(", ", live.values()) + "); exiting with status " + signal.exitStatus() + " anyway");
        exit.accept(signal.exitStatus());
    }
}
