package io.dynofa.backend.gpu.internal;

import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.ort.internal.ExecutionMode;
import io.dynofa.ort.internal.OrtSettings;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Registers a {@link GpuBackend} per configuration, like the CPU backend: one default instance
 * {@code gpu} on device 0 without configuration, one per factory configuration
 * {@code io.dynofa.backend.gpu~NAME} otherwise. An instance that cannot run (no GPU, no CUDA 12 or
 * cuDNN 9 libraries) is still registered, saying why in {@link #unavailableReason()}; the runtime
 * never routes to it.
 */
@Component(service = DeviceBackend.class, configurationPid = GpuBackendComponent.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
    property = DeviceBackend.BACKEND_ID + "=" + GpuBackend.DEFAULT_ID)
@Designate(ocd = GpuBackendConfig.class, factory = true)
public final class GpuBackendComponent extends GpuBackend {
    static final String PID = "io.dynofa.backend.gpu";

    private static final Logger LOG = System.getLogger(GpuBackendComponent.class.getName());

    @Activate
    public GpuBackendComponent(GpuBackendConfig config) {
        super(new OrtSettings(config.dynofa_backend_id(), config.intraOpThreads(), 1, config.optimizationLevel(),
            true, ExecutionMode.SEQUENTIAL), config.deviceId());
        unavailableReason().ifPresentOrElse(
            reason -> LOG.log(Level.WARNING, "GPU backend ''{0}'' is unavailable: {1}", id(), reason),
            () -> LOG.log(Level.INFO, "GPU backend ''{0}'' ready: {1}", id(), description()));
    }
}
