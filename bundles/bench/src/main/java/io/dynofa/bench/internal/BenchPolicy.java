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

    private volatile String wanted;
    private volatile long decidedAt;

    @Override
    public String name() {
        return NAME;
    }

    /** Moves to {@code levelId} at the next decision (by id: indices change if the levels are reloaded); null = hold. */
    void request(String levelId) {
        wanted = levelId;
    }

    long decidedAt() {
        return decidedAt;
    }

    @Override
    public Decision decide(PolicyContext context) {
        String id = wanted;
        int level = id == null ? -1 : indexOf(context, id);
        if (level >= 0 && level != context.current()) {
            wanted = null;
            decidedAt = System.nanoTime();
            return Decision.moveTo(level, "bench: move to " + level);
        }
        return Decision.stay("bench: hold");
    }

    private static int indexOf(PolicyContext context, String id) {
        for (int i = 0; i < context.levels().size(); i++) {
            if (context.levels().get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
