package io.dynofa.policy.alert.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.monitor.api.Metrics;
import io.dynofa.monitor.api.Signals;
import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.testing.PolicyContexts;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/** The default rule driving a plant that reports a given slowdown, one decision every 100 ms. */
public class ClosedLoopTest {
    private static final long DECISION_INTERVAL_MS = 100;

    private final AlertRule rule = new AlertRule(new SlowdownFilter(0.01, 0.1), 1.0, 0.9, 300);
    private int level = 1;
    private long sinceSwitchMs;
    private int switches;

    @Test
    public void reactsToContentionWithinAFewDecisionsAndRecoversAfterIt() {
        run(0.9, 50);
        assertEquals("1.6 ms x (0.9 + σ) fits 1.8 ms, 1.9 ms x (0.9 + σ) misses 2 ms", 1, level);

        int decisions = decisionsUntilLevel(1.8, 0, 10);
        assertTrue("moved down after " + decisions + " decisions", decisions <= 3);
        assertNoSwitchesDuring(1.8, 200);

        decisions = decisionsUntilLevel(0.9, 1, 50);
        assertTrue("moved back up after " + decisions + " decisions", decisions > 3 && decisions <= 20);
        assertNoSwitchesDuring(0.9, 200);
    }

    private int decisionsUntilLevel(double slowdown, int wanted, int limit) {
        for (int i = 1; i <= limit; i++) {
            run(slowdown, 1);
            if (level == wanted) {
                return i;
            }
        }
        throw new AssertionError("still at level " + level + " after " + limit + " decisions");
    }

    private void assertNoSwitchesDuring(double slowdown, int decisions) {
        int before = switches;
        run(slowdown, decisions);
        assertEquals("switches after settling", before, switches);
    }

    private void run(double slowdown, int decisions) {
        for (int i = 0; i < decisions; i++) {
            Signals signals = new Signals(Map.of(Metrics.SLOWDOWN, slowdown), 0);
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
