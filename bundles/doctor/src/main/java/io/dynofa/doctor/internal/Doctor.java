package io.dynofa.doctor.internal;

import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.headless.internal.OrderlyExit;
import io.dynofa.util.internal.DaemonThreads;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code ./dynofa doctor}: when the framework property {@value #PROPERTY} is {@code true}, waits
 * {@value #SETTLE_PROPERTY} ms (default 4000) for the gateway to bind its backends, families and
 * configurations, prints the report to standard output and ends the JVM with status 0; otherwise does
 * nothing. Logs stay on standard error.
 */
@Component(immediate = true, service = {})
public final class Doctor {
    static final String PROPERTY = "dynofa.doctor";
    static final String SETTLE_PROPERTY = "dynofa.doctor.settleMs";

    private final List<DeviceBackend> backends = new CopyOnWriteArrayList<>();
    private final List<ModelFamily> families = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile ConfigurationAdmin configAdmin;

    @Activate
    public Doctor(BundleContext context) {
        if (!Boolean.parseBoolean(context.getProperty(PROPERTY))) {
            thread = null;
            return;
        }
        long settleMs = parse(context.getProperty(SETTLE_PROPERTY));
        PrintStream stdout = System.out;
        thread = DaemonThreads.start("dynofa-doctor", () -> examine(context, settleMs, stdout));
    }

    private void examine(BundleContext context, long settleMs, PrintStream stdout) {
        try {
            Thread.sleep(settleMs);
        } catch (InterruptedException e) {
            return;
        }
        Report report = new Report();
        HostSection.write(report);
        List<DeviceBackend> bound = backends.stream().sorted(Comparator.comparing(DeviceBackend::id)).toList();
        GatewaySection.backends(report, bound);
        FamilySection.write(report, families.stream().sorted(Comparator.comparing(ModelFamily::id)).toList());
        GatewaySection.configurations(report, configAdmin);
        stdout.print(report);
        stdout.flush();
        OrderlyExit.exit(context, 0, "dynofa-doctor-exit");
    }

    private static long parse(String text) {
        try {
            return text == null ? 4000 : Math.max(0, Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return 4000;
        }
    }

    @Deactivate
    void deactivate() {
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindBackend(DeviceBackend backend) {
        backends.add(backend);
    }

    void unbindBackend(DeviceBackend backend) {
        backends.remove(backend);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindFamily(ModelFamily family) {
        families.add(family);
    }

    void unbindFamily(ModelFamily family) {
        families.remove(family);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindConfigAdmin(ConfigurationAdmin admin) {
        configAdmin = admin;
    }

    void unbindConfigAdmin(ConfigurationAdmin admin) {
        if (configAdmin == admin) {
            configAdmin = null;
        }
    }
}
