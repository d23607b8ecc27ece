package io.dynofa.manager.internal;

import static io.dynofa.manager.internal.ManagerRule.config;
import static io.dynofa.manager.internal.ManagerRule.standardBackend;
import static io.dynofa.manager.internal.ManagerRule.standardFamily;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.dynofa.runtime.api.Problem;
import io.dynofa.runtime.api.RuntimeStatus;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;

public class RuntimeManagerPolicyTest {
    @Rule
    public final ManagerRule rule = new ManagerRule();

    private RuntimeManager serving(Object... config) {
        return rule.startServing(config(config), standardFamily("fam"), standardBackend());
    }

    private RuntimeStatus awaitPolicyAndLevel(String policy, String levelId) {
        return rule.awaitStatus("policy " + policy + " at level " + levelId,
            s -> policy.equals(s.policy()) && levelId.equals(s.levelId()));
    }

    private static boolean listsMissingPolicy(RuntimeStatus status, String name) {
        return StatusProblems.has(status, Problem.POLICY_UNKNOWN, name);
    }

    @Test
    public void usesTheFallbackUntilTheConfiguredPolicyIsBoundAndAfterItLeaves() {
        RuntimeManager manager = serving("policy", "b", "fallbackPolicy", "a");
        FakePolicy b = FakePolicy.movingTo("b", 2);
        rule.bind(FakePolicy.movingTo("a", 1));

        RuntimeStatus fallback = awaitPolicyAndLevel("a", "l1");
        assertTrue(fallback.problems().toString(), listsMissingPolicy(fallback, "b"));

        rule.bind(b);
        RuntimeStatus configured = awaitPolicyAndLevel("b", "l2");
        assertFalse(configured.problems().toString(), listsMissingPolicy(configured, "b"));
        assertTrue(b.resets() >= 1);
        assertEquals("b wants 2", configured.lastDecision());

        rule.unbind(b);
        RuntimeStatus back = awaitPolicyAndLevel("a", "l1");
        assertTrue(back.switches() >= 3);
        assertEquals(List.of("a"), manager.policies());
    }

    @Test
    public void holdsTheLevelAndReportsNoPolicyWhenNoneIsBound() {
        RuntimeManager manager = serving("policy", "b", "fallbackPolicy", "a");
        FakePolicy a = FakePolicy.movingTo("a", 2);
        rule.bind(a);
        awaitPolicyAndLevel("a", "l2");

        rule.unbind(a);

        RuntimeStatus none = rule.awaitStatus("no policy", s -> s.policy() == null);
        assertEquals("no policy installed: level held", none.lastDecision());
        assertEquals("l2", none.levelId());
        assertTrue(none.problems().toString(), listsMissingPolicy(none, "b"));
    }

    @Test
    public void choosePolicySwitchesToABoundPolicyAndRejectsAnUnknownOne() {
        RuntimeManager manager = serving();
        rule.bind(FakePolicy.movingTo("dynofa-step", 1));
        rule.bind(FakePolicy.movingTo("other", 2));
        awaitPolicyAndLevel("dynofa-step", "l1");

        manager.choosePolicy("other");
        awaitPolicyAndLevel("other", "l2");

        try {
            manager.choosePolicy("nope");
            fail("expected an IllegalArgumentException");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("'nope'") && e.getMessage().contains("other"));
        }
        assertEquals("other", manager.status().policy());
    }

    @Test
    public void setTargetChangesTheLevelALookupTablePolicyChooses() {
        RuntimeManager manager = serving("targetLatencyMs", 2.0, "policy", "lut");
        rule.bind(FakePolicy.lookupTable("lut"));
        awaitPolicyAndLevel("lut", "l0");

        // between l1's and l2's latencies as measured on load (they stretch on a loaded machine)
        double between = (manager.levels().get(1).latencyMs() + manager.levels().get(2).latencyMs()) / 2;
        manager.setTarget(between);
        RuntimeStatus middle = awaitPolicyAndLevel("lut", "l1");
        assertEquals(between, middle.targetMs(), 0);

        manager.setTarget(100);
        awaitPolicyAndLevel("lut", "l2");

        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            try {
                manager.setTarget(bad);
                fail("accepted target " + bad);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().contains("positive"));
            }
        }
        assertEquals(100, manager.status().targetMs(), 0);
    }

    @Test
    public void pinHoldsALevelAgainstThePolicyUntilUnpinned() throws Exception {
        RuntimeManager manager = serving();
        FakePolicy fastest = FakePolicy.movingTo("dynofa-step", 0);
        rule.bind(fastest);
        awaitPolicyAndLevel("dynofa-step", "l0");

        manager.pin("l2");
        RuntimeStatus pinned = rule.awaitStatus("pinned l2", s -> s.pinned() && "l2".equals(s.levelId()));
        int decisions = fastest.decisions();
        Thread.sleep(60);
        assertEquals("l2", manager.status().levelId());
        assertEquals("the policy is not asked while pinned", decisions, fastest.decisions());
        assertEquals("pinned to l2", pinned.lastDecision());

        manager.unpin();
        RuntimeStatus unpinned = awaitPolicyAndLevel("dynofa-step", "l0");
        assertFalse(unpinned.pinned());

        try {
            manager.pin("l9");
            fail("pinned a level that is not active");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("'l9'") && e.getMessage().contains("[l0, l1, l2]"));
        }
    }

    @Test
    public void statusCarriesTheReadingsOfAvailableMonitorsOnly() {
        RuntimeManager manager = serving();
        rule.bind(new FakeMonitor("cpu-load", Map.of("cpu.load", 0.5), null));
        rule.bind(new FakeMonitor("gpu", Map.of("gpu.load", 0.9), "no GPU on this host"));

        RuntimeStatus status = rule.awaitStatus("cpu load", s -> s.signals().get("cpu.load").isPresent());

        assertEquals(0.5, status.signals().get("cpu.load", -1), 0);
        assertTrue(status.signals().get("gpu.load").isEmpty());
        assertNull("no policy bound", status.policy());
    }
}
