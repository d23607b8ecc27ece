package io.dynofa.policy.alert.internal;

import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.api.SwitchingPolicy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

@Component(service = SwitchingPolicy.class, configurationPid = AlertPolicy.PID,
    property = SwitchingPolicy.POLICY_NAME + "=" + AlertPolicy.NAME)
@Designate(ocd = AlertPolicyConfig.class)
public final class AlertPolicy implements SwitchingPolicy {
    static final String PID = "io.dynofa.policy.alert";
    static final String NAME = "alert";

    private final AlertRule rule;

    @Activate
    public AlertPolicy(AlertPolicyConfig config) {
        this.rule = new AlertRule(new SlowdownFilter(config.processNoise(), config.measurementNoise()), config.k(),
            config.upMargin(), config.minDwellMs());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision decide(PolicyContext context) {
        return rule.decide(context);
    }

    @Override
    public void reset() {
        rule.reset();
    }
}
