package io.dynofa.config.policy.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One rule per deployment, made on a deployment's first use from one configuration: what a rule learns stays with
 * its deployment. Looking up a deployment's rule is lock-free (inference listeners do it on the inference path);
 * making one takes a lock. At most {@value #MAX_DEPLOYMENTS} are kept: past that the one made first is dropped
 * (it starts afresh if it decides again; deployment names come from configuration, so they are bounded).
 */
final class DeploymentRules<R> {
    static final int MAX_DEPLOYMENTS = 64;

    private final Supplier<R> make;
    private final Map<String, R> rules = new ConcurrentHashMap<>();
    private final Deque<String> made = new ArrayDeque<>();

    DeploymentRules(Supplier<R> make) {
        this.make = make;
    }

    R of(String deployment) {
        R rule = rules.get(deployment);
        return rule != null ? rule : make(deployment);
    }

    /** The rule of {@code deployment} if it has one, else null (nothing is made). */
    R existing(String deployment) {
        return rules.get(deployment);
    }

    List<R> all() {
        return List.copyOf(rules.values());
    }

    private synchronized R make(String deployment) {
        R rule = rules.get(deployment);
        if (rule != null) {
            return rule;
        }
        rule = make.get();
        rules.put(deployment, rule);
        made.addLast(deployment);
        while (made.size() > MAX_DEPLOYMENTS) {
            rules.remove(made.removeFirst());
        }
        return rule;
    }
}
