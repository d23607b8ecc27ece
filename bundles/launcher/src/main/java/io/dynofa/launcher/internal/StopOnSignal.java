package io.dynofa.launcher.internal;

import io.dynofa.util.internal.DaemonThreads;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

/**
 * SIGTERM, SIGINT (Ctrl-C) and SIGHUP stop the framework in order before the JVM exits. An Embedded-Activator
 * of bnd's launcher (this jar is on the gateway's -runpath), started with the system bundle's context.
 *
 * <p>Left to the JVM, these signals run the shutdown hooks at once, concurrently, with every bundle still
 * active: no bundle's stop code runs, a request accepted but not yet run is never answered, and the launcher
 * deletes the framework's cache under running bundles. Here the first signal hands its exit status (128 + the
 * signal's number, what a shell reports for a process the signal ended) to bnd's launcher through the
 * launcher's own main-thread protocol ({@link ExitRequest}): the launcher stops the framework, which stops
 * every bundle in reverse start order (each deactivating its components), waits for it and exits with that status; only
 * then do the shutdown hooks run. The stop is bounded ({@link #STOP_BOUND}, {@link BoundedStop}); a second
 * signal exits at once.
 */
public final class StopOnSignal implements BundleActivator {
    /** Read by bnd's launcher: start this activator as soon as the framework is initialised. */
    public static final String IMMEDIATE = "AFTER_FRAMEWORK_INIT";
    /** How long the framework may take to stop after a signal before the JVM exits anyway. */
    static final Duration STOP_BOUND = Duration.ofSeconds(10);
    /** bnd's launcher runs the service with this property set to true as its main thread. */
    static final String MAIN_THREAD = "main.thread";

    private final Logger log = System.getLogger(StopOnSignal.class.getName());
    private final ExitRequest exitRequest = new ExitRequest();
    private final IntConsumer exit;

    public StopOnSignal() {
        this(System::exit);
    }

    StopOnSignal(IntConsumer exit) {
        this.exit = exit;
    }

    @Override
    public void start(BundleContext context) {
        registerMainThread(context);
        List<String> taken = TerminationSignals.handle(signal -> onSignal(context, signal));
        log.log(Level.DEBUG, "stopping the framework in order on " + taken);
    }

    @Override
    public void stop(BundleContext context) {
        // bnd's launcher never stops embedded activators; the signal handlers stay until the JVM exits
    }

    /** Offers the exit request to bnd's launcher as its main thread. */
    void registerMainThread(BundleContext context) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(MAIN_THREAD, Boolean.TRUE);
        context.registerService(Callable.class, exitRequest, props);
    }

    /** The first signal starts the orderly stop; any later one exits at once. */
    void onSignal(BundleContext context, Termination signal) {
        int status = signal.exitStatus();
        if (exitRequest.requested()) {
            log.log(Level.WARNING, signal + " again: exiting now with status " + status);
            exit.accept(status);
            return;
        }
        Framework framework = (Framework) context.getBundle(Constants.SYSTEM_BUNDLE_ID);
        BoundedStop watch = new BoundedStop(framework, signal, STOP_BOUND, exit, log);
        watch.listenTo(context);
        log.log(Level.INFO, signal + ": stopping the framework (at most " + STOP_BOUND.toSeconds()
            + " s; again to exit now)");
        if (exitRequest.request(status)) {
            DaemonThreads.start("dynofa-stop-watch", watch::await);
        }
    }

    /** The launcher's main-thread body (for tests). */
    ExitRequest exitRequest() {
        return exitRequest;
    }
}
