package io.dynofa.policy.lutfit.internal;

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
@Component(service = SwitchingPolicy.class, configurationPid = LutFitPolicy.PID,
    property = SwitchingPolicy.POLICY_NAME + "=" + LutFitPolicy.NAME)
@Designate(ocd = LutFitPolicyConfig.class)
public final class LutFitPolicy extends ConfiguredPolicy<LutFitPolicyConfig, LutFitRule> {
    static final String PID = "io.dynofa.policy.lutfit";
    static final String NAME = "lut-fit";

    @Activate
    public LutFitPolicy(BundleContext context, Map<String, Object> properties) {
        super(NAME, new LiveConfig<>(context, PID, ConfigReader.of(LutFitPolicyConfig.class, POLICY_NAME),
            properties),
            c -> new LutFitRule(c.smoothing(), c.margin(), c.minDwellMs()));
    }
}
