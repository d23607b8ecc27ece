package io.dynofa.launcher.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;

/**
 * Configuration before components: an Embedded-Activator of bnd's launcher, run after the framework has started and
 * before the launcher starts the bundles in its own order. It starts the configuration bundles
 * ({@value #CONFIGURATION_BUNDLES}: ConfigurationAdmin and FileInstall), waits until every configuration file
 * FileInstall reads at start is in ConfigurationAdmin (at most {@value #WAIT_MS} ms, default
 * {@value #DEFAULT_WAIT_MS}), then starts the next bundles in their order ({@value #NEXT_BUNDLES}: Felix SCR, then
 * the bundles the first result needs: the model families, the backends, the manager). SCR activates each one's
 * components as it starts, already configured. The launcher then starts the other bundles in its own order, the HTTP
 * server among the last.
 *
 * <p>Without it SCR started after every other bundle (its name sorts late, after the HTTP server's), and an order
 * that starts it before FileInstall has read its folder lets SCR activate a component with optional configuration
 * unconfigured: a default instance that is built and then thrown away (a second ONNX Runtime backend, a second model
 * family service, an HTTP server on the default port). FileInstall reads the folder while it starts with
 * {@code felix.fileinstall.noInitialDelay} (as shipped) and after its first poll interval on its own thread without
 * it; the wait covers both. A file that never arrives costs the bound once, named in a warning; bundles that are not
 * installed are skipped.
 */
public final class ConfigurationFirst implements BundleActivator {
    /** Read by bnd's launcher: run after the framework started, before it starts the bundles. */
    public static final String IMMEDIATE = "BEFORE_BUNDLES_START";
    /** Framework property: symbolic names of the bundles that deliver configuration, started first. */
    static final String CONFIGURATION_BUNDLES = "dynofa.launch.configuration.bundles";
    /** Framework property: symbolic names of the bundles started, in this order, once the configuration is in. */
    static final String NEXT_BUNDLES = "dynofa.launch.next.bundles";
    /** Framework property: the longest wait for the configuration files, in milliseconds. */
    static final String WAIT_MS = "dynofa.launch.configuration.waitMs";
    static final long DEFAULT_WAIT_MS = 3000;
    static final String FILEINSTALL_DIR = "felix.fileinstall.dir";
    static final String FILEINSTALL_FILTER = "felix.fileinstall.filter";
    private static final long POLL_MS = 5;

    private final Logger log = System.getLogger(ConfigurationFirst.class.getName());

    @Override
    public void start(BundleContext context) throws InterruptedException {
        configure(context);
    }

    /** Starts the configuration bundles, waits, starts the next bundles; returns the files that never arrived. */
    Set<Path> configure(BundleContext context) throws InterruptedException {
        List<String> configuration = names(context.getProperty(CONFIGURATION_BUNDLES));
        if (configuration.isEmpty()) {
            return Set.of();
        }
        long started = System.nanoTime();
        startAll(context, configuration);
        Set<Path> expected = ConfigurationFiles.in(context.getProperty(FILEINSTALL_DIR),
            context.getProperty(FILEINSTALL_FILTER));
        Set<Path> missing = awaitDelivery(context, expected, waitMs(context.getProperty(WAIT_MS)));
        List<String> next = names(context.getProperty(NEXT_BUNDLES));
        startAll(context, next);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (missing.isEmpty()) {
            log.log(Level.DEBUG, "configuration first: " + expected.size() + " files in ConfigurationAdmin and "
                + next + " started after " + ms + " ms");
        } else {
            log.log(Level.WARNING, "configuration first: " + missing.size() + " of " + expected.size()
                + " configuration files not in ConfigurationAdmin after " + ms + " ms (unreadable or invalid?): "
                + missing + "; starting " + next + " and the other bundles without them");
        }
        return missing;
    }

    @Override
    public void stop(BundleContext context) {
        // nothing is held: the bundles it started are stopped by the framework
    }

    /** The expected files not yet delivered when they all are or {@code waitMs} has passed. */
    private Set<Path> awaitDelivery(BundleContext context, Set<Path> expected, long waitMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        Set<Path> missing = new TreeSet<>(expected);
        while (!missing.isEmpty()) {
            try {
                missing.removeAll(ConfigurationAdminFiles.delivered(context));
            } catch (ReflectiveOperationException | InvalidSyntaxException | RuntimeException e) {
                log.log(Level.WARNING, "configuration first: cannot read ConfigurationAdmin (" + e + ")");
                return missing;
            }
            if (missing.isEmpty() || System.nanoTime() >= deadline) {
                break;
            }
            Thread.sleep(POLL_MS);
        }
        return missing;
    }

    private void startAll(BundleContext context, List<String> names) {
        for (String name : names) {
            for (Bundle bundle : context.getBundles()) {
                if (name.equals(bundle.getSymbolicName()) && bundle.getState() != Bundle.ACTIVE) {
                    try {
                        bundle.start();
                    } catch (BundleException | RuntimeException e) {
                        log.log(Level.WARNING, "configuration first: cannot start " + name + " (" + e + ")");
                    }
                }
            }
        }
    }

    /** The items of a comma-separated framework property; none when it is not set. */
    static List<String> names(String list) {
        List<String> names = new ArrayList<>();
        if (list != null) {
            Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(names::add);
        }
        return names;
    }

    static long waitMs(String value) {
        try {
            return value == null ? DEFAULT_WAIT_MS : Math.max(0, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return DEFAULT_WAIT_MS;
        }
    }
}
