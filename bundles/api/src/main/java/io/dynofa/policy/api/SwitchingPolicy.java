package io.dynofa.policy.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Chooses the level. Registered as a service with the service property {@link #POLICY_NAME}; the
 * runtime uses the one its configuration names. Called periodically on the manager's decision thread,
 * never on the inference path, and never concurrently with itself.
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
}
