package io.dynofa.manager.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** Levels that are not what their manifest entry says are refused at load, named, and the others serve. */
public class LevelCheckTest {
    private final List<Problem> problems = new ArrayList<>();

    private static List<String> ids(ActiveSet set) {
        return set.levels().stream().map(Level::id).toList();
    }

    private String problemOf(String levelId) {
        return problems.stream().filter(p -> p.code().equals(Problem.LEVEL_REFUSED) && p.subject().equals(levelId))
            .map(Problem::text).findFirst()
            .orElseThrow(() -> new AssertionError("no problem names " + levelId + ": " + problems));
    }

    @Test
    public void aLevelWithTheWrongNumberOfClassesIsRefusedAndClosed() throws Exception {
        FakeFamily family = new FakeFamily("fam").level("l0", 70).level("five", 80).level("thousand", 90);
        FakeBackend backend = new FakeBackend("cpu").classes("five", 5).classes("thousand", 1000);

        ActiveSet set = new LevelLoader(0, 3, TestConfig.limits()).load(family, backend, problems::add);

        assertEquals(List.of("l0"), ids(set));
        assertTrue(problemOf("five"), problemOf("five").contains("refused")
            && problemOf("five").contains("[1, 5]") && problemOf("five").contains("16 classes"));
        assertTrue(problemOf("thousand"), problemOf("thousand").contains("[1, 1000]"));
        assertTrue(backend.loaded("five").isClosed());
        assertTrue(backend.loaded("thousand").isClosed());
    }

    @Test
    public void aLevelGivingNaNIsRefused() throws Exception {
        FakeFamily family = new FakeFamily("fam").level("l0", 70).level("nan", 80);
        FakeBackend backend = new FakeBackend("cpu").nanOutputsOf("nan");

        ActiveSet set = new LevelLoader(0, 3, TestConfig.limits()).load(family, backend, problems::add);

        assertEquals(List.of("l0"), ids(set));
        assertTrue(problemOf("nan"), problemOf("nan").contains("refused") && problemOf("nan").contains("not finite"));
    }

    @Test
    public void aLevelSlowerThanTheLoadBoundIsRefusedWithoutHoldingTheOthersAndClosedWhenItReturns()
        throws Exception {
        FakeFamily family = new FakeFamily("fam").level("l0", 70).level("slow", 80).level("l2", 90);
        FakeBackend backend = new FakeBackend("cpu").sleeping("slow", 150).sleeping("l2", 1);
        Limits limits = new Limits(1000, 16, 1, 1, 16, 100, 0, 10, true, 0);

        ActiveSet set = new LevelLoader(0, 3, limits).load(family, backend, problems::add);

        assertEquals(List.of("l0", "l2"), ids(set));
        assertTrue(problemOf("slow"), problemOf("slow").contains("refused")
            && problemOf("slow").contains("longer than 100 ms"));
        Waits.await("the abandoned level is closed once its run returns")
            .until(() -> backend.loaded("slow").isClosed());
        assertEquals("its load stopped after the run in progress", 1, backend.loaded("slow").runs());
    }

    @Test
    public void aFrontLevelFailingTheSampleIsRefusedAndTheLevelItHidIsCheckedAndServesInstead() throws Exception {
        FakeFamily family = new FakeFamily("fam").level("a", 70, 100).level("damaged", 85, 100)
            .level("hidden", 80, 0).level("off-front", 60, 100).sampleOf(20, 0);
        FakeBackend backend = new FakeBackend("cpu").sleeping("damaged", 3).sleeping("hidden", 6)
            .sleeping("off-front", 8);
        Limits limits = new Limits(1000, 16, 1, 1, 16, 10_000, 20, 10, true, 0);

        ActiveSet set = new LevelLoader(0, 3, limits).load(family, backend, problems::add);

        assertEquals(List.of("a", "hidden"), ids(set));
        assertTrue(problemOf("damaged"), problemOf("damaged").contains("refused")
            && problemOf("damaged").contains("0.0 %") && problemOf("damaged").contains("100.0 %"));
        assertTrue(backend.loaded("damaged").isClosed());
        assertEquals("the probe check, 3 timed runs and 20 sample images", 24, backend.loaded("hidden").runs());
        assertEquals("never on the front: never shown the sample", 4, backend.loaded("off-front").runs());
        assertEquals(problems.toString(), 1, problems.size());
    }
}
