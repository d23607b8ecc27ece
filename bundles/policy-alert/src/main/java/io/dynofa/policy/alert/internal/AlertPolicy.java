package io.dynofa.policy.alert.internal;

import io.dynofa.config.internal.ConfigReader;
import io.dynofa.config.internal.ConfiguredComponent;
import io.dynofa.config.internal.LiveConfig;
import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.api.SwitchingPolicy;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/** New settings start the rule afresh; a modification that changes nothing in force keeps its state. */
@Component(service = SwitchingPolicy.class, configurationPid = AlertPolicy.PID,
    property = SwitchingPolicy.POLICY_NAME + "=" + AlertPolicy.NAME)
@Designate(ocd = AlertPolicyConfig.class)
public final class AlertPolicy extends ConfiguredComponent<AlertPolicyConfig, AlertRule>
    implements SwitchingPolicy {
    static final String PID = "io.dynofa.policy.alert";
    static final String NAME = "alert";

    @Activate
    public AlertPolicy(BundleContext context, Map<String, Object> properties) {
        super(new LiveConfig<>(context, PID, ConfigReader.of(AlertPolicyConfig.class, POLICY_NAME), properties),
            c -> new AlertRule(new SlowdownFilter(c.processNoise(), c.measurementNoise()), c.k(), c.upMargin(),
                c.minDwellMs()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision decide(PolicyContext context) {
        return current().decide(context);
    }

    @Override
    public void reset() {
        current().reset();
    }
}
