package io.dynofa.backend.gpu.internal;

import io.dynofa.config.internal.ConfigReader;
import io.dynofa.config.internal.LiveConfig;
import io.dynofa.ort.component.internal.ConfiguredBackend;
import io.dynofa.ort.internal.ExecutionMode;
import io.dynofa.ort.internal.OrtSettings;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Registers a {@link GpuBackend} per configuration, like the CPU backend: one default instance
 * {@code gpu} on device 0 without configuration, one per factory configuration
 * {@code io.dynofa.backend.gpu~NAME} otherwise. An instance that cannot run (no GPU, no CUDA 12 or
 * cuDNN 9 libraries) is still registered, saying why in {@link #unavailableReason()}; the runtime
 * never routes to it. What a modified configuration does is {@link ConfiguredBackend}'s.
 */
@Component(service = {}, configurationPid = GpuBackendComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
    immediate = true)
@Designate(ocd = GpuBackendConfig.class, factory = true)
public final class GpuBackendComponent extends ConfiguredBackend<GpuBackendConfig> {
    static final String PID = "io.dynofa.backend.gpu";
    private static final ConfigReader<GpuBackendConfig> READER = ConfigReader.of(GpuBackendConfig.class);

    @Activate
    public GpuBackendComponent(BundleContext context, Map<String, Object> properties) {
        super("GPU", context, new LiveConfig<>(context, PID, READER, properties), c -> new GpuBackend(
            new OrtSettings(c.dynofa_backend_id(), c.intraOpThreads(), 1, c.optimizationLevel(), true,
                ExecutionMode.SEQUENTIAL), c.deviceId()));
    }
}
