package io.dynofa.policy.alert.internal;

import io.dynofa.config.internal.ConfigReader;
import io.dynofa.config.internal.LiveConfig;
import io.dynofa.config.policy.internal.ConfiguredPolicy;
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
public final class AlertPolicy extends ConfiguredPolicy<AlertPolicyConfig, AlertRule> {
    static final String PID = "io.dynofa.policy.alert";
    static final String NAME = "alert";

    @Activate
    public AlertPolicy(BundleContext context, Map<String, Object> properties) {
        super(NAME, new LiveConfig<>(context, PID, ConfigReader.of(AlertPolicyConfig.class, POLICY_NAME),
            properties),
            c -> new AlertRule(new SlowdownFilter(c.processNoise(), c.measurementNoise()), c.k(), c.upMargin(),
                c.minDwellMs()));
    }
}
