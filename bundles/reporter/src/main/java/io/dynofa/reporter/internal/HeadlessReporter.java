package io.dynofa.reporter.internal;

import io.dynofa.runtime.api.RuntimeControl;
import java.io.PrintStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Headless mode ({@code ./dynofa run --headless}): when the framework property
 * {@value HeadlessSeconds#PROPERTY} is a positive number, prints one JSON status line per second to
 * standard output and then stops the framework; otherwise does nothing.
 */
@Component(immediate = true, service = {})
public final class HeadlessReporter {
    private static final Logger LOG = System.getLogger(HeadlessReporter.class.getName());
    private static final long PERIOD_MS = 1_000;
    private static final long STOP_TIMEOUT_MS = 30_000;

    private final ReportLoop loop;
    private volatile RuntimeControl runtime;

    @Activate
    public HeadlessReporter(BundleContext context) {
        double seconds = HeadlessSeconds.parse(context.getProperty(HeadlessSeconds.PROPERTY));
        if (seconds <= 0) {
            loop = null;
            return;
        }
        LOG.log(Level.INFO, "headless: reporting every second for {0} s, then stopping the framework", seconds);
        PrintStream stdout = System.out;
        loop = new ReportLoop(PERIOD_MS, this::line, text -> {
            stdout.println(text);
            stdout.flush();
        });
        loop.start(seconds, () -> stopFramework(context));
    }

    @Deactivate
    void deactivate() {
        if (loop != null) {
            loop.close();
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindRuntime(RuntimeControl control) {
        runtime = control;
    }

    void unbindRuntime(RuntimeControl control) {
        if (runtime == control) {
            runtime = null;
        }
    }

    private String line(double seconds) {
        RuntimeControl control = runtime;
        return StatusLine.of(seconds, control == null ? null : control.status());
    }

    /**
     * Off the reporter's thread: stopping the framework deactivates this component, which ends that
     * thread. The bnd launcher exits with 117 (its STOPPED code) when the framework is stopped from
     * inside, so once it has stopped the JVM is ended with 0: the headless run completed as asked.
     */
    private static void stopFramework(BundleContext context) {
        Bundle system = context.getBundle(0);
        Thread stopper = new Thread(() -> {
            try {
                system.stop();
                if (system instanceof Framework framework) {
                    framework.waitForStop(STOP_TIMEOUT_MS);
                }
            } catch (BundleException | IllegalStateException e) {
                LOG.log(Level.ERROR, "headless: could not stop the framework", e);
                System.exit(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.exit(0);
        }, "dynofa-headless-stop");
        stopper.start();
    }
}
