package io.dynofa.policy.lutfit.internal;

import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.api.SwitchingPolicy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

@Component(service = SwitchingPolicy.class, configurationPid = LutFitPolicy.PID,
    property = SwitchingPolicy.POLICY_NAME + "=" + LutFitPolicy.NAME)
@Designate(ocd = LutFitPolicyConfig.class)
public final class LutFitPolicy implements SwitchingPolicy {
    static final String PID = "io.dynofa.policy.lutfit";
    static final String NAME = "lut-fit";

    private final LutFitRule rule;

    @Activate
    public LutFitPolicy(LutFitPolicyConfig config) {
        this.rule = new LutFitRule(config.smoothing(), config.margin(), config.minDwellMs());
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
