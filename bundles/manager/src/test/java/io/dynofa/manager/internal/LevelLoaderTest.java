package io.dynofa.manager.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.dynofa.backend.api.BackendException;
import io.dynofa.policy.api.Level;
import io.dynofa.profile.api.LatencyProfile;
import io.dynofa.runtime.api.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class LevelLoaderTest {
    private final LevelLoader loader = new LevelLoader(1, 3, TestConfig.limits());
    private final List<Problem> problems = new ArrayList<>();

    /** The levels refused, in order; every problem is a level's refusal. */
    private List<String> refused() {
        problems.forEach(p -> assertEquals(p.text(), Problem.LEVEL_REFUSED, p.code()));
        return problems.stream().map(Problem::subject).toList();
    }

    private static List<String> ids(ActiveSet set) {
        return set.levels().stream().map(Level::id).toList();
    }

    @Test
    public void anInterruptedLoadStopsAtTheNextLevelAndLeavesNothingOpen() {
        FakeFamily family = new FakeFamily("fam").level("l0", 70).level("l1", 80).level("l2", 90);
        FakeBackend backend = new FakeBackend("cpu");
        Thread.currentThread().interrupt();
        try {
            BackendException e = assertThrows(BackendException.class, () -> loader.load(family, backend,
                problems::add));
            assertTrue(e.getMessage(), e.getMessage().contains("interrupted"));
        } finally {
            Thread.interrupted();
        }
        assertTrue("no level is loaded after the interrupt", backend.loaded().isEmpty());
    }

    @Test
    public void aCorruptLevelIsSkippedWithAProblemAndTheOthersLoad() throws Exception {
        FakeFamily family = new FakeFamily("fam").level("l0", 70).level("l1", 80).level("l2", 90).corrupt("l1");
        FakeBackend backend = new FakeBackend("cpu").sleeping("l2", 3);

        ActiveSet set = loader.load(family, backend, problems::add);

        assertEquals(List.of("l0", "l2"), ids(set));
        assertEquals(List.of(0, 1), set.levels().stream().map(Level::index).toList());
        assertEquals(List.of("l1"), refused());
        assertTrue(problems.get(0).text(), problems.get(0).text().contains("SHA-256"));
        assertTrue(backend.loaded().stream().noneMatch(FakeModel::isClosed));
    }

    @Test
    public void levelsWhoseRunsFailAreDroppedAndClosed() throws Exception {
        FakeFamily family = new FakeFamily("fam").level("l0", 70).level("l1", 80).level("l2", 90);
        FakeBackend backend = new FakeBackend("cpu").sleeping("l2", 3).failingRunsOf("l0").crashingRunsOf("l1");

        ActiveSet set = loader.load(family, backend, problems::add);

        assertEquals(List.of("l2"), ids(set));
        assertEquals(List.of("l0", "l1"), refused());
        assertEquals(1, backend.loaded("l0").closes());
        assertEquals(1, backend.loaded("l1").closes());
        assertFalse(backend.loaded("l2").isClosed());
    }

    @Test
    public void levelsOffTheParetoFrontAreClosedAndTheFrontIsMeasuredAndIndexed() throws Exception {
        FakeFamily family = new FakeFamily("fam").level("fast", 70).level("slow-worse", 65).level("slow-best", 90);
        FakeBackend backend = new FakeBackend("cpu").sleeping("slow-worse", 4).sleeping("slow-best", 8);

        ActiveSet set = loader.load(family, backend, problems::add);

        assertEquals(List.of("fast", "slow-best"), ids(set));
        assertEquals(1, backend.loaded("slow-worse").closes());
        assertFalse(backend.loaded("fast").isClosed());
        assertFalse(backend.loaded("slow-best").isClosed());
        Level slowBest = set.levels().get(1);
        assertEquals(1, slowBest.index());
        assertEquals(90, slowBest.top1(), 0);
        assertTrue("measured " + slowBest.latencyMs() + " ms", slowBest.latencyMs() >= 8);
        assertTrue(set.level(1).profiledNanos() >= 8_000_000L);
        assertEquals("the probe check, 1 warm-up and 3 timed runs", 5, backend.loaded("slow-best").runs());
        assertTrue(problems.isEmpty());
    }

    @Test
    public void failsNamingFamilyAndBackendWhenNoLevelLoads() {
        FakeFamily family = new FakeFamily("fam").level("l0", 70).level("l1", 80).corrupt("l0");
        FakeBackend backend = new FakeBackend("gpu").failingRunsOf("l1");

        try {
            loader.load(family, backend, problems::add);
            fail("expected a BackendException");
        } catch (BackendException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("'fam'") && e.getMessage().contains("'gpu'"));
        }
        assertEquals(List.of("l0", "l1"), refused());
        assertTrue(backend.loaded().stream().allMatch(m -> m.closes() == 1));
    }

    @Test
    public void aUsableProfileGivesTheLatenciesAndOnlyItsParetoLevelsAreLoadedAndWarmed() throws Exception {
        FakeFamily family = new FakeFamily("fam").level("l0", 70).level("l1", 65).level("l2", 90);
        FakeBackend backend = new FakeBackend("cpu");
        var profile = FakeProfileStore.profile(family, "cpu", 0.5, 0.7, 2.5);

        ActiveSet set = new LevelLoader(2, 3, TestConfig.limits()).load(family, backend,
            LevelLoader.usable(profile, family, backend),
            problems::add);

        assertEquals(List.of("l0", "l2"), ids(set));
        assertEquals(List.of(0.5, 2.5), set.levels().stream().map(Level::latencyMs).toList());
        assertEquals(2_500_000L, set.level(1).profiledNanos());
        assertEquals("l1 is off the front: never loaded", 2, backend.loaded().size());
        assertEquals("the probe check and the warm-up, nothing timed", 3, backend.loaded("l2").runs());
        assertTrue(problems.isEmpty());
    }

    @Test
    public void aLevelWhoseFileChangedSinceItWasProfiledIsMeasuredAgainAndTheOthersComeFromTheProfile()
        throws Exception {
        FakeFamily profiledFamily = new FakeFamily("fam").level("l0", 70).level("l1", 80);
        var profile = FakeProfileStore.profile(profiledFamily, "cpu", 0.5, 0.7);
        FakeFamily replaced = new FakeFamily("fam").level("l0", 70).levelWithHash("l1", 80, "another-file");
        FakeBackend backend = new FakeBackend("cpu").sleeping("l1", 3);

        ActiveSet set = new LevelLoader(0, 3, TestConfig.limits()).load(replaced, backend,
            LevelLoader.usable(profile, replaced, backend),
            problems::add);

        assertEquals(List.of("l0", "l1"), ids(set));
        assertEquals("l0 from the profile", 0.5, set.levels().get(0).latencyMs(), 0);
        assertTrue("l1 measured, not the profile's 0.7 ms: " + set.levels().get(1).latencyMs(),
            set.levels().get(1).latencyMs() >= 3);
        assertEquals("the probe check and 3 timed runs", 4, backend.loaded("l1").runs());
    }

    @Test
    public void aProfileOfOtherLevelsOrAccuraciesIsNotUsable() {
        FakeFamily family = new FakeFamily("fam").level("l0", 70).level("l1", 80);
        FakeBackend backend = new FakeBackend("cpu");
        var good = FakeProfileStore.profile(family, "cpu", 0.5, 0.7);

        assertEquals(good, LevelLoader.usable(good, family, backend));
        assertEquals(null, LevelLoader.usable(FakeProfileStore.profile(family, "cpu2", 0.5, 0.7), family, backend));
        var partial = FakeProfileStore.profile(family, "cpu", 0.5);
        assertEquals("usable for l0, l1 is measured", partial, LevelLoader.usable(partial, family, backend));
        assertNull(LevelLoader.profiled(partial, family.levels().get(1)));
        FakeFamily retrained = new FakeFamily("fam").level("l0", 71).level("l1", 80);
        assertNull("l0's accuracy changed", LevelLoader.profiled(good, retrained.levels().get(0)));
        assertEquals("l1 still usable", good, LevelLoader.usable(good, retrained, backend));
        var otherConfiguration = new LatencyProfile(good.familyId(), good.familyVersion(), "cpu",
            "fake backend cpu, 2 threads", good.host(), good.cpuModel(), good.ortVersion(), good.date(), good.levels(), good.paretoLevelIds());
        assertEquals("another backend configuration", null, LevelLoader.usable(otherConfiguration, family, backend));
        assertEquals(null, LevelLoader.usable(null, family, backend));
    }

    @Test
    public void levelsAreTimedAtTheConfiguredItemsPerRequest() throws Exception {
        FakeFamily family = new FakeFamily("fam").level("l0", 70).level("l1", 80);
        FakeBackend backend = new FakeBackend("cpu");
        LoaderThread thread = new LoaderThread();
        try {
            new LevelLoader(0, 3, 16, TestConfig.limits(), new SampleChecks(), thread, ModelSource.DIRECT, LoadPace.FULL).load(family, backend,
                problems::add);
        } finally {
            thread.close();
        }
        assertEquals(16, backend.loaded("l0").largestBatch());
        assertEquals(16, backend.loaded("l1").largestBatch());
        assertTrue(problems.isEmpty());
    }
}
