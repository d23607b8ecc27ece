package io.dynofa.policy.crossbackend.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.dynofa.monitor.api.Signals;
import io.dynofa.policy.api.BackendLevels;
import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.Level;
import io.dynofa.policy.api.PolicyContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class CrossBackendRuleTest {
    private static final long DWELT = 10_000_000_000L;
    /** Levels of 1, 2 and 4 ms (70, 80, 90 %) on both backends; target 5 ms, margin 0.9: all fit as profiled. */
    private static final List<Level> LEVELS = List.of(new Level(0, "l0", 70, 1), new Level(1, "l1", 80, 2),
        new Level(2, "l2", 90, 4));

    private final CrossBackendRule rule = new CrossBackendRule(0.9, 500, 2000);

    private static PolicyContext on(String backend, int level, long sinceSwitch, long nanoTime, String... signals) {
        Map<String, Double> values = new HashMap<>();
        for (int i = 0; i < signals.length; i += 2) {
            values.put(signals[i], Double.parseDouble(signals[i + 1]));
        }
        List<BackendLevels> backends = List.of(new BackendLevels("cpu", LEVELS, backend.equals("cpu") ? level : 2, true),
            new BackendLevels("cpu2", LEVELS, backend.equals("cpu2") ? level : 2, false));
        return new PolicyContext(LEVELS, level, 5, 0, new Signals(values, nanoTime), sinceSwitch, backend, backends);
    }

    @Test
    public void staysOnThePreferredBackendWhileItsTopLevelFits() {
        Decision d = rule.decide(on("cpu", 2, DWELT, 0, "latency.slowdown.cpu", "1.05"));
        assertTrue(d.reason(), d.isStay());
    }

    @Test
    public void aContendedBackendIsLeftAtOnceForOneWithRoomAndRejoinedWhenItHasRoomAgain() {
        // cpu taken by another application: 80 % busy makes it ~5x slower, nothing but l0 fits there
        Decision away = rule.decide(on("cpu", 2, 0, 0, "latency.slowdown.cpu", "1.0", "backend.busy.cpu", "0.8"));
        assertEquals(away.reason(), "cpu2", away.backendId());
        assertEquals(2, away.level());
        // serving from cpu2; cpu still busy: stay
        Decision stay = rule.decide(on("cpu2", 2, DWELT, 100_000_000L, "latency.slowdown.cpu2", "1.1",
            "backend.busy.cpu", "0.8"));
        assertTrue(stay.reason(), stay.isStay());
        // contention over: same accuracy on both, the preferred backend wins the tie
        Decision back = rule.decide(on("cpu2", 2, DWELT, 200_000_000L, "latency.slowdown.cpu2", "1.1"));
        assertEquals(back.reason(), "cpu", back.backendId());
        assertEquals(2, back.level());
    }

    @Test
    public void aMeasuredSlowdownIsRememberedAndForgottenWithTheHalfLife() {
        // cpu measured 3x slower: l0 only fits (1*3 <= 4.5, 2*3 > 4.5); cpu2 unknown = as profiled
        Decision away = rule.decide(on("cpu", 2, DWELT, 0, "latency.slowdown.cpu", "3"));
        assertEquals("cpu2", away.backendId());
        // 1 s later cpu is no longer measured: remembered 1 + 2 * 0.5^0.5 = 2.41, l1 (4.8 ms) still does not fit
        Decision stay = rule.decide(on("cpu2", 2, DWELT, 1_000_000_000L, "latency.slowdown.cpu2", "1"));
        assertTrue(stay.reason(), stay.isStay());
        // 10 s later: 1 + 2 * 0.5^5 = 1.06, l2 fits again on the preferred backend
        Decision back = rule.decide(on("cpu2", 2, DWELT, 10_000_000_000L, "latency.slowdown.cpu2", "1"));
        assertEquals("cpu", back.backendId());
    }

    @Test
    public void whenEveryBackendIsTakenItStepsDownWhereItIs() {
        Decision d = rule.decide(on("cpu", 2, 0, 0, "latency.slowdown.cpu", "2", "latency.slowdown.cpu2", "2"));
        assertNull(d.reason(), d.backendId());
        assertEquals(1, d.level());
    }

    @Test
    public void movesUpOrAcrossOnlyAfterTheDwellTime() {
        Decision early = rule.decide(on("cpu2", 0, 0, 0, "latency.slowdown.cpu2", "1"));
        assertTrue(early.reason(), early.isStay());
        Decision later = rule.decide(on("cpu2", 0, DWELT, 0, "latency.slowdown.cpu2", "1"));
        assertEquals("cpu", later.backendId());
    }

    @Test
    public void withoutBackendListItActsOnTheCurrentLevelsLikeLutFit() {
        PolicyContext c = new PolicyContext(LEVELS, 2, 5, 0, new Signals(Map.of("latency.slowdown", 2.0), 0), DWELT);
        Decision d = rule.decide(c);
        assertNull(d.backendId());
        assertEquals(1, d.level());
    }
}
