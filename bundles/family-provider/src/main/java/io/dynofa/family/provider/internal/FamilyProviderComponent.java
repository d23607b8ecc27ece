package io.dynofa.family.provider.internal;

import io.dynofa.config.internal.ConfigReader;
import io.dynofa.config.internal.LiveConfig;
import io.dynofa.runtime.api.Problem;
import io.dynofa.util.internal.DaemonThreads;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Scans the models folder on a single background thread, which alone touches the
 * {@link FamilyScanner}, and offers the valid families as services. Its problems (configuration values
 * rejected, folders not offered or offered in their last good version) are the {@code ProblemSource}
 * {@value #PID}. A modified configuration never stops the families on offer: a new interval reschedules the
 * scans, a new models folder is scanned before the families of the old one are withdrawn, and one that is not
 * a folder leaves the old one in use (named as a problem).
 */
@Component(service = {}, immediate = true, configurationPid = FamilyProviderComponent.PID)
@Designate(ocd = FamilyProviderConfig.class)
public final class FamilyProviderComponent {
    static final String PID = "io.dynofa.family.provider";

    private static final Logger LOG = System.getLogger(FamilyProviderComponent.class.getName());
    private static final long STOP_TIMEOUT_SECONDS = 10;
    private static final ConfigReader<FamilyProviderConfig> READER = ConfigReader.of(FamilyProviderConfig.class);

    private final ServiceFamilyRegistry registry;
    private final ScheduledExecutorService executor;
    private final LiveConfig<FamilyProviderConfig> config;
    /** Touched on the executor's thread only, as is {@link #scannedDir}. */
    private FamilyScanner scanner;
    private Path scannedDir;
    private ScheduledFuture<?> scanning;
    private volatile List<Problem> folderProblems = List.of();
    private volatile Problem folderChange;

    @Activate
    public FamilyProviderComponent(BundleContext context, Map<String, Object> properties) {
        registry = new ServiceFamilyRegistry(context);
        executor = DaemonThreads.scheduler("dynofa-family-scanner");
        config = LiveConfig.withDetails(context, PID, READER, properties, this::scanProblems);
        schedule(config.config());
    }

    @Modified
    synchronized void modified(Map<String, Object> properties) {
        if (config.update(properties)) {
            scanning.cancel(false);
            schedule(config.config());
        }
    }

    private synchronized void schedule(FamilyProviderConfig c) {
        Path modelsDir = Path.of(c.modelsDir()).toAbsolutePath().normalize();
        executor.execute(() -> useFolder(modelsDir));
        scanning = executor.scheduleWithFixedDelay(this::scan, c.scanIntervalMs(), c.scanIntervalMs(),
            TimeUnit.MILLISECONDS);
        LOG.log(Level.INFO, "scanning {0} for model families every {1} ms", modelsDir, c.scanIntervalMs());
    }

    /** On the executor: scans {@code modelsDir} at once; a new folder's families are offered before the old go. */
    private void useFolder(Path modelsDir) {
        folderChange = null;
        if (modelsDir.equals(scannedDir)) {
            return;
        }
        if (scanner != null && !Files.isDirectory(modelsDir)) {
            String problem = "modelsDir " + modelsDir + " is not a folder: still offering the families of "
                + scannedDir;
            folderChange = new Problem(null, Problem.CONFIG_REJECTED, "modelsDir", problem);
            LOG.log(Level.WARNING, problem);
            return;
        }
        FamilyScanner old = scanner;
        scanner = new FamilyScanner(modelsDir, registry);
        scannedDir = modelsDir;
        scan();
        if (old != null) {
            old.close();
        }
    }

    private void scan() {
        try {
            scanner.scan();
        } catch (RuntimeException e) {
            // an escaping exception would cancel every later scan
            LOG.log(Level.ERROR, "scanning for model families failed", e);
        }
        folderProblems = scanner.problems().entrySet().stream().map(p -> new Problem(null, Problem.FAMILY_REFUSED,
            folderName(p.getKey()), p.getKey() + ": " + p.getValue())).toList();
    }

    private static String folderName(Path folder) {
        Path name = folder.getFileName();
        return name == null ? folder.toString() : name.toString();
    }

    private List<Problem> scanProblems() {
        Problem change = folderChange;
        return change == null ? folderProblems : Stream.concat(Stream.of(change), folderProblems.stream()).toList();
    }

    @Deactivate
    void deactivate() {
        config.close();
        Future<?> withdrawal = executor.submit(() -> {
            if (scanner != null) {
                scanner.close();
            }
        });
        executor.shutdown();
        try {
            withdrawal.get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "withdrawing model families on shutdown failed", e);
        }
        executor.shutdownNow();
    }
}
