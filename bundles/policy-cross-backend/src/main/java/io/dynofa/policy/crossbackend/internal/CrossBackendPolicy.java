package io.dynofa.policy.crossbackend.internal;

import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.api.SwitchingPolicy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Policy {@code cross-backend}: chooses a (backend, level) pair among every backend the family is resident
 * on — when the serving device is contended and another has room, it serves from there; when that one is
 * taken in turn, it moves back or steps down. See {@link CrossBackendRule}.
 */
@Component(service = SwitchingPolicy.class, configurationPid = CrossBackendPolicy.PID,
    property = SwitchingPolicy.POLICY_NAME + "=" + CrossBackendPolicy.NAME)
@Designate(ocd = CrossBackendConfig.class)
public final class CrossBackendPolicy implements SwitchingPolicy {
    static final String PID = "io.dynofa.policy.crossbackend";
    static final String NAME = "cross-backend";

    private final CrossBackendRule rule;

    @Activate
    public CrossBackendPolicy(CrossBackendConfig config) {
        this.rule = new CrossBackendRule(config.margin(), config.minDwellMs(), config.recoveryHalfLifeMs());
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
