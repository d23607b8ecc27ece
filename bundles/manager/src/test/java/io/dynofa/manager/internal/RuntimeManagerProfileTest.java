package io.dynofa.manager.internal;

import static io.dynofa.manager.internal.ManagerRule.config;
import static io.dynofa.manager.internal.ManagerRule.standardBackend;
import static io.dynofa.manager.internal.ManagerRule.standardFamily;
import static org.junit.Assert.assertEquals;

import io.dynofa.policy.api.Level;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;

public class RuntimeManagerProfileTest {
    @Rule
    public final ManagerRule rule = new ManagerRule();

    private static List<Double> latencies(RuntimeManager manager) {
        return manager.levels().stream().map(Level::latencyMs).toList();
    }

    @Test
    public void aStoredProfileIsUsedAndANewOneReloadsTheLevelsWithoutARestart() {
        FakeFamily family = standardFamily("fam");
        FakeProfileStore store = new FakeProfileStore();
        store.save(FakeProfileStore.profile(family, "cpu", 0.25, 0.5, 1.0));
        RuntimeManager manager = rule.start(config());
        manager.bindProfiles(store);
        rule.bind(standardBackend());
        rule.bind(family);

        rule.awaitStatus("levels from the profile", s -> latencies(manager).equals(List.of(0.25, 0.5, 1.0)));

        store.save(FakeProfileStore.profile(family, "cpu", 0.3, 0.2, 1.5));
        manager.updatedProfiles(store);
        rule.awaitStatus("levels from the new profile", s -> latencies(manager).equals(List.of(0.2, 1.5)));
        assertEquals(List.of("l1", "l2"), manager.levels().stream().map(Level::id).toList());

        store.save(FakeProfileStore.profile(family, "cpu2", 9, 9, 9));
        manager.updatedProfiles(store);
        manager.unbindProfiles(store);
        rule.awaitStatus("still serving", s -> s.state() == io.dynofa.runtime.api.RuntimeStatus.State.READY);
        assertEquals("another backend's profile and the store leaving change nothing", List.of(0.2, 1.5),
            latencies(manager));
    }

    @Test
    public void aProfileStoreThatComesUpJustAfterTheManagerSparesMeasuringTheLevels() throws Exception {
        FakeFamily family = standardFamily("fam");
        FakeProfileStore store = new FakeProfileStore();
        store.save(FakeProfileStore.profile(family, "cpu", 0.25, 0.5, 1.0));
        FakeBackend backend = standardBackend();
        RuntimeManager manager = rule.start(config("profileWaitMs", 2_000));
        rule.bind(backend);
        rule.bind(family);
        Thread.sleep(100);
        manager.bindProfiles(store);

        rule.awaitStatus("levels from the profile", s -> latencies(manager).equals(List.of(0.25, 0.5, 1.0)));
        assertEquals("each level loaded once: " + backend.loaded(), 3, backend.loaded().size());
        assertEquals("one warm-up run, no timed runs", 1, backend.loaded("l2").runs());
    }

    @Test
    public void withoutAProfileStoreTheLevelsAreMeasuredOnceTheWaitIsOver() {
        RuntimeManager manager = rule.start(config("profileWaitMs", 150));
        rule.bind(standardBackend());
        rule.bind(standardFamily("fam"));
        rule.awaitState(io.dynofa.runtime.api.RuntimeStatus.State.READY);

        assertEquals(3, latencies(manager).size());
    }

    @Test
    public void withoutAProfileTheLevelsAreMeasured() {
        RuntimeManager manager = rule.start(config());
        manager.bindProfiles(new FakeProfileStore());
        rule.bind(standardBackend());
        rule.bind(standardFamily("fam"));
        rule.awaitState(io.dynofa.runtime.api.RuntimeStatus.State.READY);

        List<Double> measured = latencies(manager);
        assertEquals(3, measured.size());
        assertEquals(true, measured.get(2) >= 8);
    }
}
