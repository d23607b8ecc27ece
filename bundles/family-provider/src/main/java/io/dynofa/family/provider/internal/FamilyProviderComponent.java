package io.dynofa.family.provider.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Scans the models folder on a single background thread, which alone touches the
 * {@link FamilyScanner}, and offers the valid families as services.
 */
@Component(service = {}, immediate = true, configurationPid = FamilyProviderComponent.PID)
@Designate(ocd = FamilyProviderConfig.class)
public final class FamilyProviderComponent {
    static final String PID = "io.dynofa.family.provider";

    private static final Logger LOG = System.getLogger(FamilyProviderComponent.class.getName());
    private static final long STOP_TIMEOUT_SECONDS = 10;

    private final FamilyScanner scanner;
    private final ScheduledExecutorService executor;

    @Activate
    public FamilyProviderComponent(BundleContext context, FamilyProviderConfig config) {
        if (config.scanIntervalMs() <= 0) {
            throw new IllegalArgumentException("scanIntervalMs must be positive, got " + config.scanIntervalMs());
        }
        Path modelsDir = Path.of(config.modelsDir()).toAbsolutePath().normalize();
        scanner = new FamilyScanner(modelsDir, new ServiceFamilyRegistry(context));
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "dynofa-family-scanner");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::scan, 0, config.scanIntervalMs(), TimeUnit.MILLISECONDS);
        LOG.log(Level.INFO, "scanning {0} for model families every {1} ms", modelsDir, config.scanIntervalMs());
    }

    private void scan() {
        try {
            scanner.scan();
        } catch (RuntimeException e) {
            // an escaping exception would cancel every later scan
            LOG.log(Level.ERROR, "scanning for model families failed", e);
        }
    }

    @Deactivate
    void deactivate() {
        Future<?> withdrawal = executor.submit(scanner::close);
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
