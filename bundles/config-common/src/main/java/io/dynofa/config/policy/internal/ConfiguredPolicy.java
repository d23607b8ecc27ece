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
 * this class answers {@link #decide} and {@link #reset} with the rule in force. Only the policy bundles copy this
 * package in.
 */
public abstract class ConfiguredPolicy<A extends Annotation, R extends ConfiguredPolicy.Rule>
    extends ConfiguredComponent<A, R> implements SwitchingPolicy {

    /** A policy's decision logic, free of OSGi. */
    public interface Rule {
        Decision decide(PolicyContext context);

        /** Forgets what earlier decisions learned; nothing by default. */
        default void reset() {
        }
    }

    private final String name;

    protected ConfiguredPolicy(String name, LiveConfig<A> config, Function<A, R> make) {
        super(config, make);
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Decision decide(PolicyContext context) {
        return current().decide(context);
    }

    @Override
    public final void reset() {
        current().reset();
    }
}
