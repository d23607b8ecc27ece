package io.dynofa.headless.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.IntConsumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * Ends a headless run (reporter, profiler, doctor, bench) with an exit status, from a thread of its own.
 *
 * <p>Every bundle but the framework and the caller is stopped first, newest first, and only then is
 * {@link System#exit} called. The JVM runs its shutdown hooks concurrently, and ONNX Runtime releases its
 * environment in one: a session still being created or run at that moment crashes the JVM. With the bundles
 * stopped, no native work is in flight. The framework itself is not stopped: the bnd launcher would then
 * exit with its own status (117, STOPPED) instead of ours.
 */
public final class OrderlyExit {

    private OrderlyExit() {
    }

    /** Stops the bundles, then exits the JVM with {@code status}, on a new thread named {@code threadName}. */
    public static void exit(BundleContext context, int status, String threadName) {
        Thread exit = new Thread(() -> stopThenExit(context, status, System::exit), threadName);
        exit.start();
    }

    /** The work of {@link #exit}, with the exit supplied (tests pass their own). */
    static void stopThenExit(BundleContext context, int status, IntConsumer exit) {
        try {
            stopBundles(context);
        } finally {
            exit.accept(status);
        }
    }

    /** Stops every active bundle but the framework (id 0) and {@code context}'s own, highest id first. */
    static void stopBundles(BundleContext context) {
        long self = context.getBundle().getBundleId();
        Bundle[] bundles = context.getBundles();
        Arrays.sort(bundles, Comparator.comparingLong(Bundle::getBundleId).reversed());
        for (Bundle bundle : bundles) {
            long id = bundle.getBundleId();
            if (id == 0 || id == self || (bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING)) == 0) {
                continue;
            }
            try {
                bundle.stop(Bundle.STOP_TRANSIENT);
            } catch (BundleException | RuntimeException e) {
                System.getLogger(OrderlyExit.class.getName()).log(System.Logger.Level.WARNING,
                    "stopping " + bundle.getSymbolicName() + " before exit failed", e);
            }
        }
    }
}
