package io.dynofa.manager.internal;

import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.Level;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.api.SwitchingPolicy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A policy driven by a function of the context; counts its decisions and resets. */
final class FakePolicy implements SwitchingPolicy {
    private final String name;
    private final Function<PolicyContext, Decision> rule;
    private final AtomicInteger decisions = new AtomicInteger();
    private final AtomicInteger resets = new AtomicInteger();

    FakePolicy(String name, Function<PolicyContext, Decision> rule) {
        this.name = name;
        this.rule = rule;
    }

    /** Always wants level {@code index}. */
    static FakePolicy movingTo(String name, int index) {
        return new FakePolicy(name, c -> Decision.moveTo(index, name + " wants " + index));
    }

    /** Like a lookup table: the most accurate level whose measured latency fits the target. */
    static FakePolicy lookupTable(String name) {
        return new FakePolicy(name, c -> {
            int best = 0;
            for (Level level : c.levels()) {
                if (level.latencyMs() <= c.targetMs()) {
                    best = level.index();
                }
            }
            return Decision.moveTo(best, name + " fits " + c.targetMs() + " ms with level " + best);
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Decision decide(PolicyContext context) {
        decisions.incrementAndGet();
        return rule.apply(context);
    }

    @Override
    public void reset() {
        resets.incrementAndGet();
    }

    int decisions() {
        return decisions.get();
    }

    int resets() {
        return resets.get();
    }
}
