package io.dynofa.policy.lutfit.internal;

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
@Component(service = SwitchingPolicy.class, configurationPid = LutFitPolicy.PID,
    property = SwitchingPolicy.POLICY_NAME + "=" + LutFitPolicy.NAME)
@Designate(ocd = LutFitPolicyConfig.class)
public final class LutFitPolicy extends ConfiguredComponent<LutFitPolicyConfig, LutFitRule>
    implements SwitchingPolicy {
    static final String PID = "io.dynofa.policy.lutfit";
    static final String NAME = "lut-fit";

    @Activate
    public LutFitPolicy(BundleContext context, Map<String, Object> properties) {
        super(new LiveConfig<>(context, PID, ConfigReader.of(LutFitPolicyConfig.class, POLICY_NAME), properties),
            c -> new LutFitRule(c.smoothing(), c.margin(), c.minDwellMs()));
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
