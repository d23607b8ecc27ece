package io.dynofa.policy.slackfit.internal;

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
@Component(service = SwitchingPolicy.class, configurationPid = SlackFitPolicy.PID,
    property = SwitchingPolicy.POLICY_NAME + "=" + SlackFitPolicy.NAME)
@Designate(ocd = SlackFitPolicyConfig.class)
public final class SlackFitPolicy extends ConfiguredPolicy<SlackFitPolicyConfig, SlackFitRule> {
    static final String PID = "io.dynofa.policy.slackfit";
    static final String NAME = "slack-fit";

    @Activate
    public SlackFitPolicy(BundleContext context, Map<String, Object> properties) {
        super(NAME, new LiveConfig<>(context, PID, ConfigReader.of(SlackFitPolicyConfig.class, POLICY_NAME),
            properties),
            c -> new SlackFitRule(Tuning.of(c)));
    }
}
