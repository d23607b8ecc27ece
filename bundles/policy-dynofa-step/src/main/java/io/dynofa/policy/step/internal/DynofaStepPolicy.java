package io.dynofa.policy.step.internal;

import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.api.SwitchingPolicy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

@Component(service = SwitchingPolicy.class, configurationPid = DynofaStepPolicy.PID,
    property = SwitchingPolicy.POLICY_NAME + "=" + DynofaStepPolicy.NAME)
@Designate(ocd = StepPolicyConfig.class)
public final class DynofaStepPolicy implements SwitchingPolicy {
    static final String PID = "io.dynofa.policy.step";
    static final String NAME = "dynofa-step";

    private final StepRule rule;

    @Activate
    public DynofaStepPolicy(StepPolicyConfig config) {
        this.rule = new StepRule(config.hysteresis(), config.minDwellMs(), config.emergencyFactor());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision decide(PolicyContext context) {
        return rule.decide(context);
    }
}
