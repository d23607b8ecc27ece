package io.dynofa.reporter.internal;

import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.util.List;
import java.io.PrintStream;
import java.lang.System.Logger;
import io.dynofa.headless.internal.OrderlyExit;
import org.osgi.framework.BundleContext;
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

    private final ReportLoop loop;
    private volatile RuntimeControl runtime;
    private List<Level> lastLevels = List.of();

    @Activate
    public HeadlessReporter(BundleContext context) {
        double seconds = HeadlessSeconds.parse(context.getProperty(HeadlessSeconds.PROPERTY));
        if (seconds <= 0) {
            loop = null;
            return;
        }
        LOG.log(System.Logger.Level.INFO, "headless: reporting every second for {0} s, then stopping the framework",
            seconds);
        PrintStream stdout = System.out;
        loop = new ReportLoop(new DaemonReportClock("dynofa-headless-reporter"), PERIOD_MS, this::line, text -> {
            stdout.println(text);
            stdout.flush();
        });
        loop.start(seconds, () -> OrderlyExit.exit(context, 0, "dynofa-headless-stop"));
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
        RuntimeStatus status = control == null ? null : control.status();
        if (control != null) {
            logLevelsWhenChanged(control, status);
        }
        return StatusLine.of(seconds, status);
    }

    private void logLevelsWhenChanged(RuntimeControl control, RuntimeStatus status) {
        List<Level> levels = control.levels();
        if (!levels.isEmpty() && !levels.equals(lastLevels)) {
            lastLevels = levels;
            LOG.log(System.Logger.Level.INFO, "levels " + LevelTable.of(status.familyId(), status.backendId(), levels));
        }
    }

}
