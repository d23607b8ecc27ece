package io.dynofa.arbiter.priority.internal;

import io.dynofa.arbiter.api.Arbiter;
import io.dynofa.arbiter.api.Arbitration;
import io.dynofa.arbiter.api.Capacity;
import io.dynofa.arbiter.api.Claim;
import io.dynofa.config.internal.ConfigReader;
import io.dynofa.config.internal.ConfiguredComponent;
import io.dynofa.config.internal.LiveConfig;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/** The shipped arbiter: {@link PriorityWeightedRule}, placing across backends ({@link PlacingRule}), as {@value #NAME}. */
@Component(service = Arbiter.class, configurationPid = PriorityWeightedArbiter.PID,
    property = Arbiter.NAME_PROPERTY + "=" + PriorityWeightedArbiter.NAME)
@Designate(ocd = PriorityWeightedArbiterConfig.class)
public final class PriorityWeightedArbiter
    extends ConfiguredComponent<PriorityWeightedArbiterConfig, PlacingRule> implements Arbiter {
    static final String PID = "io.dynofa.arbiter.priority";
    static final String NAME = "priority-weighted";
    private static final ConfigReader<PriorityWeightedArbiterConfig> READER =
        ConfigReader.of(PriorityWeightedArbiterConfig.class, Arbiter.NAME_PROPERTY);

    @Activate
    public PriorityWeightedArbiter(BundleContext context, Map<String, Object> properties) {
        super(new LiveConfig<>(context, PID, READER, properties), c -> new PlacingRule(new PriorityWeightedRule(
            c.exhaustiveLimit(), c.interferenceGain(), c.makeRoom(), c.climbHeadroom()), c.placementLimit(),
            c.placementGain()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Arbitration arbitrate(List<Claim> claims, Capacity capacity) {
        return current().arbitrate(claims, capacity);
    }
}
