package io.dynofa.demo.internal;

import io.dynofa.monitor.api.Monitor;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A demo camera per factory configuration of {@value #FACTORY_PID} (FileInstall's
 * {@code runtime-config/io.dynofa.demo.camera-<name>.cfg}), with the keys of {@code io.dynofa.demo}; its
 * {@code deployment} names the deployment it feeds, each camera its own (and its own {@code frameLog}).
 */
@Component(service = Monitor.class, immediate = true, configurationPid = DeploymentCamera.FACTORY_PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DemoConfig.class, factory = true)
public final class DeploymentCamera extends DemoCamera {
    static final String FACTORY_PID = "io.dynofa.demo.camera";

    @Activate
    public DeploymentCamera(BundleContext context, Map<String, Object> properties) {
        super(context, properties, FACTORY_PID);
    }
}
