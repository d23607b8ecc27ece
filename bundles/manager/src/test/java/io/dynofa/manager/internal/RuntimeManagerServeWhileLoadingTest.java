package io.dynofa.manager.internal;

import static io.dynofa.manager.internal.ManagerRule.config;
import static io.dynofa.manager.internal.ManagerRule.standardFamily;
import static io.dynofa.manager.internal.ManagerRule.validInput;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.inference.api.InferenceException;
import io.dynofa.runtime.api.RuntimeStatus.State;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;

public class RuntimeManagerServeWhileLoadingTest {
    @Rule
    public final ManagerRule rule = new ManagerRule();

    /** l2 takes 100 ms a run: its 2 warm-up and 4 timed runs keep the load going for 0.6 s after l0 is ready. */
    private static FakeBackend slowTop() {
        return new FakeBackend(ManagerRule.BACKEND).sleeping("l1", 4).sleeping("l2", 100);
    }

    @Test
    public void theFirstLevelServesWhileTheOthersLoadAndTheWholeSetTakesOverWithoutAFailedRequest() throws Exception {
        FakeBackend backend = slowTop();
        RuntimeManager manager = rule.start(config("serveWhileLoading", true, "warmupRuns", 2, "profileRuns", 4));
        rule.bind(backend);
        rule.bind(standardFamily(ManagerRule.FAMILY));
        List<String> served = new ArrayList<>();
        served.add(Waits.await("a first result").until(() -> {
            try {
                return manager.infer(validInput()).levelId();
            } catch (InferenceException e) {
                return null;
            }
        }, level -> level != null));
        long failedBefore = manager.status().failed();
        assertEquals("one level while the others load: " + manager.levels(), 1, manager.levels().size());
        assertEquals("LOADING while the others load, though it serves", State.LOADING, manager.status().state());
        while (manager.status().state() != State.READY) {
            served.add(manager.infer(validInput()).levelId());
        }
        assertEquals("READY with the whole set", 3, manager.levels().size());
        assertEquals("served from the first level first", "l0", served.get(0));
        assertEquals("no request failed once the first level served", failedBefore, manager.status().failed());
        List<FakeModel> l0 = backend.loaded().stream().filter(m -> m.name().endsWith("/l0")).toList();
        assertEquals("the resident l0 and the first level's own handle on it", 2, l0.size());
        assertTrue("the first level's own handle is closed once the set replaced it", Waits.await("closed")
            .until(l0.get(1)::isClosed, closed -> closed));
        assertTrue("the resident set's l0 is not", !l0.get(0).isClosed());
    }

    @Test
    public void offByDefaultTheDeploymentIsReadyOnlyWithItsWholeSet() throws Exception {
        RuntimeManager manager = rule.start(config("warmupRuns", 2, "profileRuns", 4));
        rule.bind(slowTop());
        rule.bind(standardFamily(ManagerRule.FAMILY));
        rule.awaitState(State.READY);
        assertEquals(3, manager.levels().size());
    }
}
