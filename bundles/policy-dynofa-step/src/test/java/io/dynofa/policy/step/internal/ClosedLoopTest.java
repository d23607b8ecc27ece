package io.dynofa.policy.step.internal;

import static org.junit.Assert.assertEquals;

import io.dynofa.monitor.api.Metrics;
import io.dynofa.monitor.api.Signals;
import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.testing.PolicyContexts;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/** The rule driving a plant whose mean latency is the level's profiled latency times the slowdown. */
public class ClosedLoopTest {
    private static final long DECISION_INTERVAL_MS = 100;

    private final StepRule rule = new StepRule(0.15, 500, 1.5);
    private int level;
    private long sinceSwitchMs;
    private int switches;

    @Test
    public void settlesJustUnderTheTargetFromTheTopAndStopsSwitching() {
        level = 4;
        run(1.0, 50);
        assertEquals("level 1.9 ms, the next one 2.1 ms", 2, level);
        assertEquals(2, switches);
        assertNoSwitchesDuring(1.0, 200);
    }

    @Test
    public void climbsFromTheBottomUntilTheHysteresisBandAndStopsSwitching() {
        level = 0;
        run(1.0, 50);
        assertEquals("next level est. 1.9 ms is not below 1.7 ms", 1, level);
        assertNoSwitchesDuring(1.0, 200);
    }

    @Test
    public void followsContentionDownAndBackUp() {
        level = 2;
        run(1.5, 50);
        assertEquals("only 0.8 ms x 1.5 fits 2 ms", 0, level);
        assertNoSwitchesDuring(1.5, 200);
        run(1.0, 50);
        assertEquals(1, level);
        assertNoSwitchesDuring(1.0, 200);
    }

    private void assertNoSwitchesDuring(double slowdown, int decisions) {
        int before = switches;
        run(slowdown, decisions);
        assertEquals("switches after settling", before, switches);
    }

    private void run(double slowdown, int decisions) {
        for (int i = 0; i < decisions; i++) {
            double mean = PolicyContexts.LEVELS.get(level).latencyMs() * slowdown;
            Signals signals = new Signals(Map.of(Metrics.LATENCY_MEAN_MS, mean, Metrics.SLOWDOWN, slowdown), 0);
            Decision d = rule.decide(new PolicyContext(PolicyContexts.LEVELS, level, PolicyContexts.TARGET_MS, 0, signals,
                TimeUnit.MILLISECONDS.toNanos(sinceSwitchMs)));
            if (!d.isStay() && d.level() != level) {
                level = d.level();
                sinceSwitchMs = 0;
                switches++;
            }
            sinceSwitchMs += DECISION_INTERVAL_MS;
        }
    }
}
