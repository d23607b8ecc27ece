package io.dynofa.manager.internal;

import static io.dynofa.manager.internal.ManagerRule.config;
import static io.dynofa.manager.internal.ManagerRule.standardBackend;
import static io.dynofa.manager.internal.ManagerRule.standardFamily;
import static io.dynofa.manager.internal.ManagerRule.validInput;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.dynofa.runtime.api.Problem;
import io.dynofa.runtime.api.RuntimeStatus;
import io.dynofa.runtime.api.RuntimeStatus.State;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;

public class RuntimeManagerConfigTest {
    @Rule
    public final ManagerRule rule = new ManagerRule();

    @Test
    public void anInvalidTargetAtStartIsReportedAndTheDefaultServes() throws Exception {
        RuntimeManager manager = rule.startServing(config("targetLatencyMs", -2.0), standardFamily("fam"),
            standardBackend());
        RuntimeStatus status = manager.status();
        assertEquals(State.READY, status.state());
        assertEquals(TestConfig.READER.defaults().targetLatencyMs(), status.targetMs(), 0.0);
        assertTrue(status.problems().toString(),
            StatusProblems.has(status, Problem.CONFIG_REJECTED, "targetLatencyMs"));
        assertEquals("fam", manager.infer(validInput()).familyId());
    }

    @Test
    public void aBadEditKeepsTheValuesInForceAndAGoodOneClearsTheProblem() throws Exception {
        RuntimeManager manager = rule.startServing(config("targetLatencyMs", 7.0), standardFamily("fam"),
            standardBackend());
        manager.modified(TestConfig.fast(config("targetLatencyMs", Double.NaN, "accuracyFloor", 140.0)));
        RuntimeStatus status = manager.status();
        assertEquals(7.0, status.targetMs(), 0.0);
        assertEquals(0.0, status.accuracyFloor(), 0.0);
        assertEquals(status.problems().toString(), List.of("accuracyFloor", "targetLatencyMs"),
            status.problems(Problem.CONFIG_REJECTED).stream().map(Problem::subject).toList());
        manager.modified(TestConfig.fast(config("targetLatencyMs", 3.0)));
        assertEquals(3.0, manager.status().targetMs(), 0.0);
        assertFalse(StatusProblems.has(manager.status(), Problem.CONFIG_REJECTED));
    }

    @Test
    public void aPinnedLevelInTheConfigurationHoldsUntilItIsCleared() {
        RuntimeManager manager = rule.startServing(config("pinnedLevel", "l2"), standardFamily("fam"),
            standardBackend());
        rule.bind(FakePolicy.movingTo("dynofa-step", 0));
        rule.awaitStatus("pinned l2", s -> "l2".equals(s.levelId()) && s.pinned());
        manager.modified(TestConfig.fast(config("pinnedLevel", "")));
        rule.awaitStatus("the policy's level l0", s -> "l0".equals(s.levelId()) && !s.pinned());
    }

    @Test
    public void aPinnedLevelThatIsNotActiveIsReported() {
        rule.startServing(config("pinnedLevel", "nope"), standardFamily("fam"), standardBackend());
        rule.awaitStatus("problem about the pin", s -> StatusProblems.has(s, Problem.PIN_UNKNOWN, "nope"));
    }
}
