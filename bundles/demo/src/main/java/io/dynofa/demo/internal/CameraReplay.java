package io.dynofa.demo.internal;

import io.dynofa.monitor.api.Monitor;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The demo camera of the singleton configuration {@value #PID} ({@code runtime-config/io.dynofa.demo.cfg}): the
 * default deployment's unless its {@code deployment} says otherwise. Declarative Services cannot give one PID both
 * a singleton and factory configurations, so the further cameras are {@link DeploymentCamera}s.
 */
@Component(service = Monitor.class, immediate = true, configurationPid = CameraReplay.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DemoConfig.class)
public final class CameraReplay extends DemoCamera {
    static final String PID = "io.dynofa.demo";

    @Activate
    public CameraReplay(BundleContext context, Map<String, Object> properties) {
        super(context, properties, PID);
    }
}
