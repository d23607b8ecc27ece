package io.dynofa.manager.internal;

import io.dynofa.runtime.api.Deployments;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The deployment named {@value Deployments#DEFAULT}, configured by the single configuration {@value #PID} (and
 * running on its defaults without one), as every gateway had before deployments.
 */
@Component(immediate = true, configurationPid = RuntimeManager.PID, service = {})
@Designate(ocd = ManagerConfig.class)
public final class RuntimeManager extends ManagerComponent {
    static final String PID = "io.dynofa.runtime";
    private static final DeploymentName NAME = DeploymentName.fixed(Deployments.DEFAULT);

    @Activate
    public RuntimeManager(BundleContext context, Map<String, Object> properties, @Reference SharedModels shared,
                          @Reference Arbitration arbitration) {
        super(context, properties, shared, arbitration, NAME);
    }

    /** Outside OSGi (tests): no services registered, each load its own session and memos. */
    RuntimeManager(Map<String, Object> properties) {
        this(properties, GatewayLoads.own());
    }

    /** Outside OSGi (tests): no services registered, loading through {@code loads}. */
    RuntimeManager(Map<String, Object> properties, GatewayLoads loads) {
        super(null, properties, null, loads, null, NAME);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        modified(properties, NAME);
    }

    @Override
    @Deactivate
    void deactivate() {
        super.deactivate();
    }
}
