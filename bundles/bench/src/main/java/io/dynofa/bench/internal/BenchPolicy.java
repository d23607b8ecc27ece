package io.dynofa.bench.internal;

import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.api.SwitchingPolicy;

/**
 * A switching policy the bench drives: at its next decision it moves to the level asked for and records
 * the moment of that decision, so the time from a policy's decision to the first result on the new level
 * is measured from the decision itself (on the manager's thread), as any policy would make it.
 */
final class BenchPolicy implements SwitchingPolicy {
    static final String NAME = "dynofa-bench";

    private volatile int wanted = -1;
    private volatile long decidedAt;

    @Override
    public String name() {
        return NAME;
    }

    void request(int level) {
        wanted = level;
    }

    long decidedAt() {
        return decidedAt;
    }

    @Override
    public Decision decide(PolicyContext context) {
        int level = wanted;
        if (level >= 0 && level != context.current()) {
            wanted = -1;
            decidedAt = System.nanoTime();
            return Decision.moveTo(level, "bench: move to " + level);
        }
        return Decision.stay("bench: hold");
    }
}
