package io.dynofa.backend.cpu.internal;

import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.ort.internal.OrtSettings;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Registers a {@link CpuBackend} per configuration. Felix SCR (verified with 2.2.18): without any
 * configuration there is one default instance {@code cpu}; every factory configuration
 * {@code io.dynofa.backend.cpu~NAME} gives one instance and the unconfigured default then goes away
 * (add {@code io.dynofa.backend.cpu~cpu} to keep it). A singleton {@code io.dynofa.backend.cpu}
 * configuration tunes the single instance but must not be mixed with factory configurations.
 */
@Component(service = DeviceBackend.class, configurationPid = CpuBackendComponent.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
    property = DeviceBackend.BACKEND_ID + "=" + CpuBackend.DEFAULT_ID)
@Designate(ocd = CpuBackendConfig.class, factory = true)
public final class CpuBackendComponent extends CpuBackend {
    static final String PID = "io.dynofa.backend.cpu";

    private static final Logger LOG = System.getLogger(CpuBackendComponent.class.getName());

    @Activate
    public CpuBackendComponent(CpuBackendConfig config) {
        super(new OrtSettings(config.dynofa_backend_id(), config.intraOpThreads(), config.interOpThreads(),
            config.optimizationLevel(), config.memoryArena(), config.executionMode()));
        unavailableReason().ifPresentOrElse(
            reason -> LOG.log(Level.WARNING, "CPU backend ''{0}'' is unavailable: {1}", id(), reason),
            () -> LOG.log(Level.INFO, "CPU backend ''{0}'' ready: {1}", id(), description()));
    }
}
