package io.dynofa.health.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.runtime.api.BackendInfo;
import io.dynofa.runtime.api.Problem;
import io.dynofa.runtime.api.RuntimeStatus.State;
import java.util.List;
import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.Result.Status;
import org.junit.Test;

public class ChecksTest {

    private static void assertNamed(Result result, String text) {
        assertTrue(result.toString(), result.toString().contains(text));
    }

    @Test
    public void familyActiveWhenEveryDeploymentIsReady() {
        Result result = new FamilyActiveCheck().judge(List.of(States.ready("a"), States.ready("b")));
        assertEquals(Status.OK, result.getStatus());
    }

    @Test
    public void familyCriticalWhenOneIsNotReadyOrNoneRuns() {
        Result result = new FamilyActiveCheck().judge(List.of(States.ready("a"),
            States.of("b", State.NOT_READY, List.of(States.CPU), List.of())));
        assertEquals(Status.CRITICAL, result.getStatus());
        assertNamed(result, "deployment b: NOT_READY");
        assertEquals(Status.CRITICAL, new FamilyActiveCheck().judge(List.of()).getStatus());
    }

    @Test
    public void familyLoadingIsTemporarilyUnavailable() {
        Result result = new FamilyActiveCheck().judge(List.of(States.of("a", State.LOADING, List.of(), List.of())));
        assertEquals(Status.TEMPORARILY_UNAVAILABLE, result.getStatus());
    }

    @Test
    public void backendUnusableWarnsUnlessItServes() {
        BackendInfo gpu = new BackendInfo("gpu", "gpu", "no CUDA device", false);
        Result spare = new BackendUsableCheck().judge(List.of(States.of("a", State.READY, List.of(States.CPU, gpu),
            List.of())));
        assertEquals(Status.WARN, spare.getStatus());
        assertNamed(spare, "backend gpu is unusable: no CUDA device");

        BackendInfo brokenCpu = new BackendInfo("cpu", "cpu", "session failed", true);
        Result serving = new BackendUsableCheck().judge(List.of(States.of("a", State.READY, List.of(brokenCpu),
            List.of())));
        assertEquals(Status.CRITICAL, serving.getStatus());
        assertNamed(serving, "deployment a: no usable backend");
    }

    @Test
    public void backendOkWhenEveryBoundOneIsUsable() {
        Result result = new BackendUsableCheck().judge(List.of(States.ready("a"), States.ready("b")));
        assertEquals(Status.OK, result.getStatus());
        assertEquals(Status.CRITICAL, new BackendUsableCheck().judge(List.of(States.of("a", State.NOT_READY, List.of(),
            List.of()))).getStatus());
    }

    @Test
    public void configProblemsAreNamedOnceWithTheirSeverity() {
        Problem rejected = new Problem("io.dynofa.runtime", Problem.CONFIG_REJECTED, "targetMs",
            "targetMs: -3 is below 0; keeping 25");
        Problem damaged = new Problem("io.dynofa.monitor.cpu", Problem.CONFIG_UNKNOWN_KEYS, null, "unknown key 'x'");
        Problem notConfig = new Problem(Problem.RUNTIME, Problem.POLICY_UNKNOWN, "p", "policy p is not installed");
        Result warn = new ConfigProblemsCheck().judge(List.of(
            States.of("a", State.READY, List.of(States.CPU), List.of(rejected, notConfig)),
            States.of("b", State.READY, List.of(States.CPU), List.of(rejected))));
        assertEquals(Status.WARN, warn.getStatus());
        assertNamed(warn, "io.dynofa.runtime: targetMs: -3 is below 0; keeping 25 (config.rejected)");
        assertEquals(1, warn.toString().split("keeping 25", -1).length - 1);

        Result critical = new ConfigProblemsCheck().judge(List.of(
            States.of("a", State.READY, List.of(States.CPU), List.of(damaged))));
        assertEquals(Status.CRITICAL, critical.getStatus());
        assertEquals(Status.OK, new ConfigProblemsCheck().judge(List.of(States.ready("a"))).getStatus());
    }
}
