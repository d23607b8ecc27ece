package io.dynofa.backend.cpu.internal;

import io.dynofa.config.internal.ConfigReader;
import io.dynofa.config.internal.LiveConfig;
import io.dynofa.ort.component.internal.ConfiguredBackend;
import io.dynofa.ort.internal.ExecutionProvider;
import io.dynofa.ort.internal.OrtBackend;
import io.dynofa.ort.internal.OrtProbe;
import io.dynofa.ort.internal.OrtSettings;
import java.util.Map;
import java.util.function.Function;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Registers a {@link CpuBackend} per configuration. Felix SCR (verified with 2.2.18): without any
 * configuration there is one default instance {@code cpu}; every factory configuration
 * {@code io.dynofa.backend.cpu~NAME} gives one instance and the unconfigured default then goes away
 * (add {@code io.dynofa.backend.cpu~cpu} to keep it). A singleton {@code io.dynofa.backend.cpu}
 * configuration tunes the single instance but must not be mixed with factory configurations. What a
 * modified configuration does is {@link ConfiguredBackend}'s; problems are listed under
 * {@code io.dynofa.backend.cpu~NAME}.
 */
@Component(service = {}, configurationPid = CpuBackendComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
    immediate = true)
@Designate(ocd = CpuBackendConfig.class, factory = true)
public final class CpuBackendComponent extends ConfiguredBackend<CpuBackendConfig> {
    static final String PID = "io.dynofa.backend.cpu";
    private static final ConfigReader<CpuBackendConfig> READER = ConfigReader.of(CpuBackendConfig.class);

    @Activate
    public CpuBackendComponent(BundleContext context, Map<String, Object> properties) {
        super("CPU", context, new LiveConfig<>(context, PID, READER, properties), backends(
            OrtProbe.run(ExecutionProvider.CPU)));
    }

    private static Function<CpuBackendConfig, OrtBackend> backends(OrtProbe probe) {
        return c -> new CpuBackend(new OrtSettings(c.dynofa_backend_id(), c.intraOpThreads(), c.interOpThreads(),
            c.optimizationLevel(), c.memoryArena(), c.executionMode(), c.allowSpinning()), probe);
    }
}
