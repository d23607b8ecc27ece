package io.dynofa.policy.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Chooses the level. Registered as a service with the service property {@link #POLICY_NAME}; the
 * runtime uses the one its configuration names. Called periodically on the manager's decision thread,
 * never on the inference path, and never concurrently with itself. On a gateway with several deployments one
 * policy service decides for each deployment that names it, in turn: a policy that learns from earlier decisions
 * keeps that per {@link PolicyContext#deployment()}.
 */
@ConsumerType
public interface SwitchingPolicy {

    /** Service property carrying {@link #name()}. */
    String POLICY_NAME = "dynofa.policy";

    String name();

    /** One decision; must not block. An exception is logged and counts as "stay". */
    Decision decide(PolicyContext context);

    /** Called when the policy becomes active (or the levels change), so it can drop its history. */
    default void reset() {
    }

    /**
     * The same for one deployment: only its history is dropped. The runtime calls this one; the default calls
     * {@link #reset()}, which drops every deployment's history (what a policy written for 1.2 does).
     *
     * @since 1.3
     */
    default void reset(String deployment) {
        reset();
    }
}
