package io.dynofa.policy.crossbackend.internal;

import io.dynofa.config.internal.ConfigReader;
import io.dynofa.config.internal.LiveConfig;
import io.dynofa.config.policy.internal.ConfiguredPolicy;
import io.dynofa.policy.api.SwitchingPolicy;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Policy {@code cross-backend}: chooses a (backend, level) pair among every backend the family is resident
 * on — when the serving device is contended and another has room, it serves from there; when that one is
 * taken in turn, it moves back or steps down. See {@link CrossBackendRule}. New settings start the rule afresh;
 * a modification that changes nothing in force keeps its state.
 */
@Component(service = SwitchingPolicy.class, configurationPid = CrossBackendPolicy.PID,
    property = SwitchingPolicy.POLICY_NAME + "=" + CrossBackendPolicy.NAME)
@Designate(ocd = CrossBackendConfig.class)
public final class CrossBackendPolicy extends ConfiguredPolicy<CrossBackendConfig, CrossBackendRule> {
    static final String PID = "io.dynofa.policy.crossbackend";
    static final String NAME = "cross-backend";

    @Activate
    public CrossBackendPolicy(BundleContext context, Map<String, Object> properties) {
        super(NAME, new LiveConfig<>(context, PID, ConfigReader.of(CrossBackendConfig.class, POLICY_NAME),
            properties),
            c -> new CrossBackendRule(c.margin(), c.minDwellMs(), c.recoveryHalfLifeMs()));
    }
}
