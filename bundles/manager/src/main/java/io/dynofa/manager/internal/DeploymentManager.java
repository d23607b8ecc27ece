package io.dynofa.manager.internal;

import io.dynofa.runtime.api.Deployments;
import io.dynofa.runtime.api.Problem;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One deployment per factory configuration {@value Deployments#FACTORY_PID} (e.g. FileInstall's
 * {@code io.dynofa.deployment-camera-1.cfg}), with the keys of {@code io.dynofa.runtime}; named by
 * {@link DeploymentName}. Added, changed and removed at run time without touching the other deployments.
 */
@Component(immediate = true, configurationPid = Deployments.FACTORY_PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = ManagerConfig.class, factory = true)
public final class DeploymentManager extends ManagerComponent {
    private volatile DeploymentName name;

    @Activate
    public DeploymentManager(BundleContext context, Map<String, Object> properties, @Reference SharedModels shared,
                             @Reference Arbitration arbitration) {
        this(context, properties, shared, arbitration, DeploymentName.of(properties));
    }

    private DeploymentManager(BundleContext context, Map<String, Object> properties, SharedModels shared,
                              Arbitration arbitration, DeploymentName name) {
        super(context, properties, shared, arbitration, name);
        this.name = name;
    }

    /** A rename (another {@code name}) takes a new configuration; here the name in force stays. */
    @Modified
    void modified(Map<String, Object> properties) {
        DeploymentName asked = DeploymentName.of(properties);
        modified(properties, asked.name().equals(name.name()) ? asked : new DeploymentName(name.name(),
            Problems.of(Problem.CONFIG_REJECTED, "name", "deployment '" + name.name()
                + "' cannot be renamed to '" + asked.name() + "' while it runs: delete it and add it anew")));
    }

    @Override
    @Deactivate
    void deactivate() {
        super.deactivate();
    }
}
