package io.dynofa.reporter.internal;

import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.Deployments;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
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
    /** The bound deployments' controls by deployment name (the default deployment's name when unnamed). */
    private final Map<String, RuntimeControl> runtimes = new ConcurrentSkipListMap<>();
    private final Map<String, List<Level>> lastLevels = new HashMap<>();

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

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindRuntime(RuntimeControl control, Map<String, Object> properties) {
        runtimes.put(Deployments.of(properties), control);
    }

    void unbindRuntime(RuntimeControl control, Map<String, Object> properties) {
        runtimes.remove(Deployments.of(properties), control);
    }

    /** One line per deployment, by name; one NOT_READY line while none is bound. */
    private String line(double seconds) {
        if (runtimes.isEmpty()) {
            return StatusLine.of(seconds, null);
        }
        StringBuilder lines = new StringBuilder();
        runtimes.forEach((deployment, control) -> {
            RuntimeStatus status = control.status();
            logLevelsWhenChanged(deployment, control, status);
            lines.append(lines.length() == 0 ? "" : System.lineSeparator()).append(StatusLine.of(seconds, status));
        });
        return lines.toString();
    }

    private void logLevelsWhenChanged(String deployment, RuntimeControl control, RuntimeStatus status) {
        List<Level> levels = control.levels();
        if (!levels.isEmpty() && !levels.equals(lastLevels.get(deployment))) {
            lastLevels.put(deployment, levels);
            LOG.log(System.Logger.Level.INFO, "levels " + LevelTable.of(deployment, status.familyId(),
                status.backendId(), levels));
        }
    }

}
