package io.dynofa.policy.testing;

import static org.junit.Assert.assertEquals;

import io.dynofa.monitor.api.Metrics;
import io.dynofa.monitor.api.Signals;
import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.PolicyContext;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A plant for the policies' closed-loop tests (the api test-jar): the {@link PolicyContexts#LEVELS} at the
 * {@link PolicyContexts#TARGET_MS} target, one decision every {@value #DECISION_INTERVAL_MS} ms, each reporting a
 * given slowdown and the mean latency it makes (the level's profiled latency times the slowdown). A decision's
 * move is carried out at once.
 */
public final class ClosedLoop {
    public static final long DECISION_INTERVAL_MS = 100;

    private final Function<PolicyContext, Decision> rule;
    private int level;
    private long sinceSwitchMs;
    private int switches;

    /** @param rule decides; {@code level} is where the loop starts, just switched to */
    public ClosedLoop(Function<PolicyContext, Decision> rule, int level) {
        this.rule = rule;
        this.level = level;
    }

    public int level() {
        return level;
    }

    /** Level changes so far. */
    public int switches() {
        return switches;
    }

    /** {@code decisions} decisions under {@code slowdown}. */
    public void run(double slowdown, int decisions) {
        for (int i = 0; i < decisions; i++) {
            double mean = PolicyContexts.LEVELS.get(level).latencyMs() * slowdown;
            Signals signals = new Signals(Map.of(Metrics.LATENCY_MEAN_MS, mean, Metrics.SLOWDOWN, slowdown), 0);
            Decision d = rule.apply(new PolicyContext(PolicyContexts.LEVELS, level, PolicyContexts.TARGET_MS, 0,
                signals, TimeUnit.MILLISECONDS.toNanos(sinceSwitchMs)));
            if (!d.isStay() && d.level() != level) {
                level = d.level();
                sinceSwitchMs = 0;
                switches++;
            }
            sinceSwitchMs += DECISION_INTERVAL_MS;
        }
    }

    /** Decisions under {@code slowdown} until the level is {@code wanted}; fails after {@code limit}. */
    public int decisionsUntilLevel(double slowdown, int wanted, int limit) {
        for (int i = 1; i <= limit; i++) {
            run(slowdown, 1);
            if (level == wanted) {
                return i;
            }
        }
        throw new AssertionError("still at level " + level + " after " + limit + " decisions");
    }

    /** Asserts that {@code decisions} more decisions under {@code slowdown} switch nothing. */
    public void assertNoSwitchesDuring(double slowdown, int decisions) {
        int before = switches;
        run(slowdown, decisions);
        assertEquals("switches after settling", before, switches);
    }
}
