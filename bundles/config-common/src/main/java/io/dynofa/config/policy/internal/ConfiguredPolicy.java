package io.dynofa.config.policy.internal;

import io.dynofa.config.internal.ConfiguredComponent;
import io.dynofa.config.internal.LiveConfig;
import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.api.SwitchingPolicy;
import java.lang.annotation.Annotation;
import java.util.function.Function;

/**
 * Base of a switching policy whose decisions come from a {@link Rule} made from its configuration (see
 * {@link ConfiguredComponent}): the DS component states its name, its configuration and how a rule is made, and
 * this class answers {@link #decide} and {@link #reset} with the rule in force. Each deployment gets its own rule
 * ({@link PolicyContext#deployment()}), so what one learns never steers another; a new configuration makes every
 * deployment's rule anew. Only the policy bundles copy this package in.
 */
public abstract class ConfiguredPolicy<A extends Annotation, R extends ConfiguredPolicy.Rule>
    extends ConfiguredComponent<A, DeploymentRules<R>> implements SwitchingPolicy {

    /** A policy's decision logic, free of OSGi. */
    public interface Rule {
        Decision decide(PolicyContext context);

        /** Forgets what earlier decisions learned; nothing by default. */
        default void reset() {
        }
    }

    private final String name;

    protected ConfiguredPolicy(String name, LiveConfig<A> config, Function<A, R> make) {
        super(config, c -> new DeploymentRules<>(() -> make.apply(c)));
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Decision decide(PolicyContext context) {
        return rule(context.deployment()).decide(context);
    }

    /** Every deployment's rule forgets. */
    @Override
    public final void reset() {
        current().all().forEach(Rule::reset);
    }

    @Override
    public final void reset(String deployment) {
        R rule = current().existing(deployment);
        if (rule != null) {
            rule.reset();
        }
    }

    /** The rule in force for {@code deployment}, made on first use. */
    protected final R rule(String deployment) {
        return current().of(deployment == null ? PolicyContext.DEFAULT_DEPLOYMENT : deployment);
    }
}
