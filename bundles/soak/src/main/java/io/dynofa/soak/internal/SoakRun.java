package io.dynofa.soak.internal;

import io.dynofa.inference.api.InferenceService;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import io.dynofa.soak.internal.RequestCounts.Counts;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * One soak: waits for the gateway to serve, starts the {@link LoadDriver}, reads the gauges under load (cycle 0),
 * then cycles every chosen bundle through stop, start and update, {@code cycles} times, reading the gauges after
 * each cycle. The report is rewritten after every cycle, so a run cut short still leaves its figures.
 */
final class SoakRun {
    private final BundleContext context;
    private final SoakSettings settings;
    private final Logger log = System.getLogger(SoakRun.class.getName());

    SoakRun(BundleContext context, SoakSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    /** Runs the soak; 0 when the gateway served again after every start and update, 1 otherwise. */
    int run() throws InterruptedException, IOException {
        ServiceTracker<InferenceService, InferenceService> inference = new ServiceTracker<>(context,
            InferenceService.class, null);
        ServiceTracker<RuntimeControl, RuntimeControl> control = new ServiceTracker<>(context, RuntimeControl.class,
            null);
        inference.open();
        control.open();
        RequestCounts counts = new RequestCounts();
        try (LoadDriver load = new LoadDriver(inference::getService, settings.rate(), counts)) {
            awaitServing(control);
            List<Bundle> bundles = chosenBundles();
            List<String> names = bundles.stream().map(Bundle::getSymbolicName).toList();
            log.log(Level.INFO, "soak: " + settings.cycles() + " cycles of stop, start and update of "
                + names.size() + " bundles under " + settings.rate() + " requests/s; report in "
                + settings.out().resolve(settings.name() + ".md"));
            BundleCycler cycler = new BundleCycler(context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION)
                .adapt(FrameworkWiring.class), control::getService, settings.dwell(), settings.readyTimeout());
            String setup = setup();
            List<CycleRow> rows = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            Map<String, Counts> byBundle = new LinkedHashMap<>();
            load.start();
            long start = System.nanoTime();
            Counts before = counts.snapshot();
            Thread.sleep(Math.max(1_000, settings.dwell().toMillis()));
            rows.add(new CycleRow(0, seconds(start), counts.snapshot().minus(before), 0, 0, ProcessGauges.read()));
            int notRecovered = 0;
            for (int cycle = 1; cycle <= settings.cycles(); cycle++) {
                start = System.nanoTime();
                before = counts.snapshot();
                BundleCycler.Outcome outcome = new BundleCycler.Outcome();
                for (Bundle bundle : bundles) {
                    Counts beforeBundle = counts.snapshot();
                    outcome.add(cycler.cycle(bundle));
                    byBundle.merge(bundle.getSymbolicName(), counts.snapshot().minus(beforeBundle), Counts::plus);
                }
                Thread.sleep(settings.dwell().toMillis());
                CycleRow row = new CycleRow(cycle, seconds(start), counts.snapshot().minus(before),
                    outcome.worstRecoveryMs, outcome.notRecovered, ProcessGauges.read());
                rows.add(row);
                notRecovered += outcome.notRecovered;
                int c = cycle;
                outcome.problems.forEach(p -> problems.add("cycle " + c + ": " + p));
                SoakReport.write(settings, setup, names, rows, byBundle, problems);
                log.log(Level.INFO, String.format(Locale.ROOT, "soak: cycle %d/%d in %.0f s: %d served, %d failed "
                    + "(%s), RSS %.0f MiB, heap %.0f MiB, %d threads, %d fds", cycle, settings.cycles(),
                    row.seconds(), row.requests().served(), row.requests().failed(), row.requests().reasons(),
                    row.gauges().rssMb(), row.gauges().heapMb(), row.gauges().osThreads(), row.gauges().fds()));
            }
            return notRecovered == 0 ? 0 : 1;
        } finally {
            inference.close();
            control.close();
        }
    }

    private void awaitServing(ServiceTracker<RuntimeControl, RuntimeControl> control) throws InterruptedException {
        long deadline = System.nanoTime() + settings.readyTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            RuntimeControl current = control.getService();
            if (current != null && current.status().state() == RuntimeStatus.State.READY) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the gateway was not READY within " + settings.readyTimeout().toMillis()
            + " ms; nothing to soak");
    }

    /** The bundles to cycle, in install order. */
    private List<Bundle> chosenBundles() {
        List<Bundle> chosen = Arrays.stream(context.getBundles())
            .filter(b -> b.getBundleId() != context.getBundle().getBundleId())
            .filter(b -> PluginBundles.cycled(b.getSymbolicName(), settings.bundles()))
            .sorted(Comparator.comparingLong(Bundle::getBundleId))
            .toList();
        if (chosen.isEmpty()) {
            throw new IllegalStateException("no bundle to cycle (dynofa.soak.bundles = " + settings.bundles() + ")");
        }
        return chosen;
    }

    private static String setup() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "Run %s on %d processors, Java %s, max heap %d MiB.",
            Instant.now().truncatedTo(ChronoUnit.SECONDS), rt.availableProcessors(),
            System.getProperty("java.version"), rt.maxMemory() / (1024 * 1024));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
