package io.dynofa.manager.internal;

import static io.dynofa.manager.internal.ManagerRule.config;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.Problem;
import io.dynofa.runtime.api.RuntimeStatus.State;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;

/** Loading the same files on the same backend configuration again takes the latencies measured before. */
public class RuntimeManagerRemeasureTest {
    @Rule
    public final ManagerRule rule = new ManagerRule();

    private static FakeFamily family() {
        return new FakeFamily(ManagerRule.FAMILY).level("l0", 70).level("off-front", 65).level("l2", 90);
    }

    @Test
    public void aRestartedBackendLoadsOnlyTheParetoLevelsAndTimesNothing() {
        FakeBackend first = new FakeBackend(ManagerRule.BACKEND).sleeping("off-front", 1).sleeping("l2", 2);
        RuntimeManager manager = rule.startServing(config(), family(), first);
        double l2Ms = manager.levels().get(1).latencyMs();
        assertEquals("the probe check and 3 timed runs", 4, first.loaded("l2").runs());

        rule.unbind(first);
        rule.awaitState(State.NOT_READY);
        FakeBackend again = new FakeBackend(ManagerRule.BACKEND).sleeping("off-front", 1).sleeping("l2", 2);
        rule.bind(again);
        rule.awaitState(State.READY);

        assertEquals(java.util.List.of("l0", "l2"), manager.levels().stream().map(Level::id).toList());
        assertTrue("the level off the front is not loaded again: " + again.loaded(),
            again.loaded().stream().noneMatch(m -> m.name().endsWith("/off-front")));
        assertEquals("only the probe check", 1, again.loaded("l2").runs());
        assertEquals(l2Ms, manager.levels().get(1).latencyMs(), 0);
    }

    @Test
    public void aLevelFileThatChangedIsMeasuredAgain() {
        FakeBackend first = new FakeBackend(ManagerRule.BACKEND).sleeping("off-front", 1).sleeping("l2", 2);
        FakeFamily original = family();
        RuntimeManager manager = rule.startServing(config(), original, first);
        rule.unbind(original);
        FakeFamily changed = new FakeFamily(ManagerRule.FAMILY).level("l0", 70).level("off-front", 65)
            .levelWithHash("l2", 90, "a-new-file");

        FakeModel oldL2 = first.loaded("l2");
        rule.bind(changed);
        Waits.await("the old set retired once the changed family serves").until(oldL2::isClosed);

        assertEquals("the new l2 is checked and timed", 4, first.loaded("l2").runs());
        assertFalse(manager.status().problems().toString(),
            StatusProblems.has(manager.status(), Problem.LEVEL_REFUSED));
    }

    @Test
    public void aBackendWhoseSettingsChangedReloadsTheFamilyAndServesFromTheNewSet()
        throws Exception {
        FakeBackend backend = new FakeBackend(ManagerRule.BACKEND).sleeping("off-front", 1).sleeping("l2", 2);
        RuntimeManager manager = rule.startServing(config(), family(), backend);
        FakeModel oldL2 = backend.loaded("l2");

        backend.describedAs("fake backend cpu, 3 intra-op threads");
        rule.updated(backend);
        Waits.await("the set of the old settings retired and closed").until(oldL2::isClosed);
        for (int i = 0; i < 20; i++) {
            manager.infer(ManagerRule.validInput());
        }

        assertEquals("measured again: another configuration", 4, backend.loaded("l2").runs());
        assertEquals(0, manager.status().failed());
    }

    @Test
    public void aNewProfileBatchRetimesTheLevelsAtThatManyItemsAndKeepsServing() throws Exception {
        FakeBackend backend = ManagerRule.standardBackend();
        RuntimeManager manager = rule.startServing(config(), ManagerRule.standardFamily("fam"), backend);
        FakeModel before = backend.loaded("l0");
        assertEquals(1, before.largestBatch());

        manager.modified(TestConfig.fast(config("profileBatch", 8)));

        Waits.await("l0 loaded again and timed at 8 items").until(() -> backend.loaded("l0") != before
            && backend.loaded("l0").largestBatch() == 8);
        Waits.await("the old set retired").until(before::isClosed);
        assertEquals("fam", manager.infer(ManagerRule.validInput()).familyId());
        assertEquals(0, manager.status().failed());
    }
}
