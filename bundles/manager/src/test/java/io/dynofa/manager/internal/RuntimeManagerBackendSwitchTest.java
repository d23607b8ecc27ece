package io.dynofa.manager.internal;

import static io.dynofa.manager.internal.ManagerRule.config;
import static io.dynofa.manager.internal.ManagerRule.standardBackend;
import static io.dynofa.manager.internal.ManagerRule.standardFamily;
import static io.dynofa.manager.internal.ManagerRule.validInput;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.policy.api.BackendLevels;
import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.PolicyContext;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Rule;
import org.junit.Test;

/** The family stays warm on every usable backend; a policy moves service between them without a failure. */
public class RuntimeManagerBackendSwitchTest {
    @Rule
    public final ManagerRule rule = new ManagerRule();

    @Test
    public void familyIsResidentOnEveryUsableBackendAndThePolicyMovesBetweenThem() throws Exception {
        RuntimeManager manager = rule.startServing(config(), standardFamily("fam"), standardBackend());
        FakeBackend other = new FakeBackend("gpu").sleeping("l1", 1).sleeping("l2", 2);
        FakeBackend broken = new FakeBackend("npu");
        broken.makeUnavailable("no NPU here");
        rule.bind(broken);
        rule.bind(other);
        AtomicReference<PolicyContext> seen = new AtomicReference<>();
        AtomicReference<Decision> wanted = new AtomicReference<>(Decision.stay("hold"));
        rule.bind(new FakePolicy("dynofa-step", c -> {
            seen.set(c);
            return wanted.get();
        }));
        rule.awaitStatus("gpu resident", s -> seen.get() != null && seen.get().backends().size() == 2);
        List<BackendLevels> backends = seen.get().backends();
        assertEquals("cpu", seen.get().backendId());
        assertEquals(List.of("cpu", "gpu"), backends.stream().map(BackendLevels::backendId).toList());
        assertTrue("the configured backend is marked preferred", backends.get(0).preferred());
        assertEquals("the unusable backend is never loaded", 0, broken.loaded().size());

        wanted.set(Decision.moveTo("gpu", 2, "cpu is contended"));
        rule.awaitStatus("serving from gpu", s -> "gpu".equals(s.backendId()));
        assertEquals("gpu", manager.infer(validInput()).backendId());
        assertEquals("l2", manager.infer(validInput()).levelId());
        assertEquals("cpu is contended", manager.status().lastDecision());

        wanted.set(Decision.moveTo("cpu", 0, "cpu has room again"));
        rule.awaitStatus("back on cpu", s -> "cpu".equals(s.backendId()));
        assertEquals("cpu", manager.infer(validInput()).backendId());

        wanted.set(Decision.moveTo("npu", 0, "try the broken one"));
        rule.awaitStatus("refused", s -> s.lastDecision().contains("has no resident levels"));
        assertEquals("cpu", manager.infer(validInput()).backendId());
        assertEquals(0, manager.status().failed());
    }

    @Test
    public void decisionsGoOnWhileAnotherBackendsLevelsLoad() throws Exception {
        RuntimeManager manager = rule.startServing(config(), standardFamily("fam"), standardBackend());
        AtomicInteger decisions = new AtomicInteger();
        AtomicReference<Decision> wanted = new AtomicReference<>(Decision.moveTo(2, "idle: largest"));
        rule.bind(new FakePolicy("dynofa-step", c -> {
            decisions.incrementAndGet();
            return wanted.get();
        }));
        rule.awaitStatus("on the largest level", s -> "l2".equals(s.levelId()));
        FakeBackend slow = new FakeBackend("gpu").holdingLoads();
        rule.bind(slow);
        try {
            int before = decisions.get();
            wanted.set(Decision.moveTo(0, "contended: step down"));
            rule.awaitStatus("stepped down while gpu loads", s -> "l0".equals(s.levelId()) && decisions.get() > before + 3);
            assertEquals("gpu is still loading", 0, slow.loaded().size());
            assertEquals("l0", manager.infer(validInput()).levelId());
        } finally {
            slow.openLoads();
        }
        rule.awaitStatus("gpu resident", s -> slow.loaded().size() == 3);
        assertEquals(0, manager.status().failed());
    }

    @Test
    public void whenTheServingBackendGoesAwayAnotherResidentOneTakesOverAtOnce() throws Exception {
        RuntimeManager manager = rule.startServing(config(), standardFamily("fam"), standardBackend());
        FakeBackend gpu = new FakeBackend("gpu");
        rule.bind(gpu);
        AtomicReference<PolicyContext> seen = new AtomicReference<>();
        rule.bind(new FakePolicy("dynofa-step", c -> {
            seen.set(c);
            return c.backendId().equals("gpu") ? Decision.stay("on gpu") : Decision.moveTo("gpu", 0, "go to gpu");
        }));
        rule.awaitStatus("serving from gpu", s -> "gpu".equals(s.backendId()));

        rule.unbind(gpu);

        assertEquals("no request fails: cpu took over in the unbind itself", "cpu",
            manager.infer(validInput()).backendId());
        assertEquals(0, manager.status().failed());
        assertTrue("the departed backend's models are closed", gpu.loaded().stream().allMatch(FakeModel::isClosed));
    }
}
