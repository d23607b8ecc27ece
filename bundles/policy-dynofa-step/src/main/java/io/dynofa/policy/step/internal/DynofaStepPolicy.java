package io.dynofa.policy.step.internal;

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
@Component(service = SwitchingPolicy.class, configurationPid = DynofaStepPolicy.PID,
    property = SwitchingPolicy.POLICY_NAME + "=" + DynofaStepPolicy.NAME)
@Designate(ocd = StepPolicyConfig.class)
public final class DynofaStepPolicy extends ConfiguredPolicy<StepPolicyConfig, StepRule> {
    static final String PID = "io.dynofa.policy.step";
    static final String NAME = "dynofa-step";

    @Activate
    public DynofaStepPolicy(BundleContext context, Map<String, Object> properties) {
        super(NAME, new LiveConfig<>(context, PID, ConfigReader.of(StepPolicyConfig.class, POLICY_NAME),
            properties),
            c -> new StepRule(c.hysteresis(), c.minDwellMs(), c.emergencyFactor()));
    }
}
