package io.dynofa.policy.paperstep.internal;

import io.dynofa.config.internal.ConfigReader;
import io.dynofa.config.internal.LiveConfig;
import io.dynofa.config.policy.internal.ConfiguredPolicy;
import io.dynofa.monitor.api.InferenceListener;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.api.SwitchingPolicy;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The paper's rule, also an inference listener so that it sees every model latency (the manager binds every
 * listener). A new window size starts the rule afresh with an empty window; a modification that changes nothing
 * in force keeps it.
 */
@Component(service = {SwitchingPolicy.class, InferenceListener.class}, configurationPid = PaperStepPolicy.PID,
    property = SwitchingPolicy.POLICY_NAME + "=" + PaperStepPolicy.NAME)
@Designate(ocd = PaperStepPolicyConfig.class)
public final class PaperStepPolicy extends ConfiguredPolicy<PaperStepPolicyConfig, PaperStepRule>
    implements InferenceListener {
    static final String PID = "io.dynofa.policy.paperstep";
    static final String NAME = "paper-step";

    @Activate
    public PaperStepPolicy(BundleContext context, Map<String, Object> properties) {
        super(NAME, new LiveConfig<>(context, PID, ConfigReader.of(PaperStepPolicyConfig.class, POLICY_NAME),
            properties),
            c -> new PaperStepRule(new LevelLatencyWindow(c.window())));
    }

    /** Runs whose backend is not said count for the level on any backend, of the default deployment. */
    @Override
    public void inferred(String levelId, long latencyNanos, long profiledNanos) {
        inferred(PolicyContext.DEFAULT_DEPLOYMENT, "", levelId, latencyNanos, profiledNanos);
    }

    @Override
    public void inferred(String backendId, String levelId, long latencyNanos, long profiledNanos) {
        inferred(PolicyContext.DEFAULT_DEPLOYMENT, backendId, levelId, latencyNanos, profiledNanos);
    }

    /** Each deployment's runs go to its own window (the rule it decides with). */
    @Override
    public void inferred(String deployment, String backendId, String levelId, long latencyNanos,
                         long profiledNanos) {
        rule(deployment).window().record(backendId, levelId, latencyNanos);
    }
}
