package io.dynofa.manager.internal;

import static io.dynofa.manager.internal.ManagerRule.config;
import static io.dynofa.manager.internal.ManagerRule.standardBackend;
import static io.dynofa.manager.internal.ManagerRule.standardFamily;
import static io.dynofa.manager.internal.ManagerRule.validInput;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.SwitchingPolicy;
import io.dynofa.runtime.api.Problem;
import io.dynofa.runtime.api.RuntimeStatus;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.osgi.framework.Constants;

/** Plug-ins are known by their service property; several per id are kept in service order. */
public class RuntimeManagerServiceIdentityTest {
    @Rule
    public final ManagerRule rule = new ManagerRule();

    private static FakePolicy policyNamedPMovingTo(int index, String reason) {
        return new FakePolicy("p", c -> Decision.moveTo(index, reason));
    }

    private RuntimeStatus awaitDecision(String reason) {
        return rule.awaitStatus("decision '" + reason + "'", s -> reason.equals(s.lastDecision()));
    }

    @Test
    public void whenTheFirstOfTwoPoliciesOfOneNameGoesAwayTheOtherServes() {
        RuntimeManager manager = rule.startServing(config("policy", "p", "fallbackPolicy", "p"),
            standardFamily("fam"), standardBackend());
        FakePolicy first = policyNamedPMovingTo(1, "first p");
        FakePolicy second = policyNamedPMovingTo(2, "second p");
        rule.bind(first);
        rule.bind(second);
        assertEquals("l1", awaitDecision("first p").levelId());

        rule.unbind(first);

        RuntimeStatus status = rule.awaitStatus("level l2 from the second p", s -> "l2".equals(s.levelId()));
        assertEquals("p", status.policy());
        assertEquals("second p", status.lastDecision());
        assertFalse(status.problems().toString(), StatusProblems.has(status, Problem.POLICY_UNKNOWN));
        assertEquals(List.of("p"), manager.policies());

        rule.unbind(second);
        RuntimeStatus none = rule.awaitStatus("no policy", s -> s.policy() == null);
        assertTrue(none.problems().toString(), StatusProblems.has(none, Problem.POLICY_UNKNOWN, "p"));
    }

    @Test
    public void theHighestRankingServesThenTheLowestServiceId() {
        RuntimeManager manager = rule.startServing(config("policy", "p"), standardFamily("fam"), standardBackend());
        FakePolicy older = policyNamedPMovingTo(0, "older p");
        FakePolicy newer = policyNamedPMovingTo(1, "newer p");
        FakePolicy ranked = policyNamedPMovingTo(2, "ranked p");
        rule.bind(older);
        rule.bind(newer);
        awaitDecision("older p");

        manager.bindPolicy(ranked, Registered.as(ranked, SwitchingPolicy.POLICY_NAME, "p",
            Constants.SERVICE_RANKING, 5));
        awaitDecision("ranked p");

        manager.updatedPolicy(ranked, Registered.as(ranked, SwitchingPolicy.POLICY_NAME, "p",
            Constants.SERVICE_RANKING, -1));
        awaitDecision("older p");

        rule.unbind(older);
        awaitDecision("newer p");
        assertEquals(List.of("p"), manager.policies());
    }

    @Test
    public void theServicePropertyNamesAPolicyNotItsNameMethod() {
        RuntimeManager manager = rule.startServing(config("policy", "outer", "fallbackPolicy", "none"),
            standardFamily("fam"), standardBackend());
        FakePolicy inner = FakePolicy.movingTo("inner", 2);

        manager.bindPolicy(inner, Registered.as(inner, SwitchingPolicy.POLICY_NAME, "outer"));

        RuntimeStatus status = rule.awaitStatus("level l2", s -> "l2".equals(s.levelId()));
        assertEquals("outer", status.policy());
        assertEquals(List.of("outer"), manager.policies());
        assertTrue(status.problems().toString(), status.problems().isEmpty());
        try {
            manager.choosePolicy("inner");
            fail("chose a policy by its name() although its service property names it otherwise");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("[outer]"));
        }
    }

    @Test
    public void aPolicyWithoutTheServicePropertyIsKnownByItsNameAndStatusSaysSo() {
        RuntimeManager manager = rule.startServing(config("policy", "bare"), standardFamily("fam"), standardBackend());
        FakePolicy bare = FakePolicy.movingTo("bare", 1);

        manager.bindPolicy(bare, Registered.as(bare));

        RuntimeStatus status = rule.awaitStatus("level l1", s -> "l1".equals(s.levelId()));
        assertEquals("bare", status.policy());
        assertTrue(status.problems().toString(), StatusProblems.has(status, Problem.SERVICE_UNNAMED, "bare"));

        manager.unbindPolicy(bare, Registered.as(bare));
        RuntimeStatus gone = rule.awaitStatus("no policy", s -> s.policy() == null);
        assertFalse(gone.problems().toString(), StatusProblems.has(gone, Problem.SERVICE_UNNAMED));
    }

    @Test
    public void whenTheFirstOfTwoBackendsOfOneIdGoesAwayTheOtherServesUnderThatId() throws Exception {
        FakeBackend first = standardBackend();
        FakeBackend second = standardBackend();
        RuntimeManager manager = rule.startServing(config(), standardFamily("fam"), first);
        rule.bind(second);

        rule.unbind(first);

        rule.awaitStatus("serving from the second cpu", s -> "cpu".equals(s.backendId())
            && !second.loaded().isEmpty());
        assertEquals("cpu", manager.infer(validInput()).backendId());
        Waits.await("the first backend's models closed")
            .until(() -> first.loaded().stream().allMatch(FakeModel::isClosed));
        assertEquals(1, manager.backends().size());
        assertTrue(manager.backends().get(0).active());
        assertFalse(StatusProblems.has(manager.status(), Problem.BACKEND_UNBOUND));
    }

    @Test
    public void aHigherRankedBackendOfTheServedIdTakesOverAndTheBackendPropertyNamesIt() throws Exception {
        FakeBackend plain = standardBackend();
        RuntimeManager manager = rule.startServing(config(), standardFamily("fam"), plain);
        DeviceBackend renamed = new FakeBackend("gpu-7");

        manager.bindBackend(renamed, Registered.as(renamed, DeviceBackend.BACKEND_ID, "cpu",
            Constants.SERVICE_RANKING, 10));

        Waits.await("the plain backend's models closed")

            .until(() -> plain.loaded().stream().allMatch(FakeModel::isClosed));
        assertEquals("cpu", manager.infer(validInput()).backendId());
        assertEquals("cpu", manager.status().backendId());
        assertEquals("fake backend gpu-7", manager.backends().get(0).description());
    }

    @Test
    public void whenTheFirstOfTwoFamiliesOfOneIdGoesAwayTheOtherServesWithoutAFailedRequest() throws Exception {
        FakeFamily first = standardFamily("fam");
        FakeFamily second = new FakeFamily("fam").level("m0", 75).level("m1", 85);
        RuntimeManager manager = rule.startServing(config(), first, standardBackend());
        rule.bind(second);

        try (Clients clients = new Clients(manager, 2)) {
            clients.awaitServed("fam", 50);
            rule.unbind(first);
            rule.awaitStatus("the second family's levels", s -> s.levelId() != null && s.levelId().startsWith("m"));
            clients.awaitServed("fam", 50);
            assertEquals(List.of(), clients.failures());
        }
        assertEquals(List.of("fam"), manager.families());
        assertEquals(0, manager.status().failed());
    }

    @Test
    public void theFamilyPropertyNamesAFamily() throws Exception {
        RuntimeManager manager = rule.start(config("family", "outer"));
        rule.bind(standardBackend());
        ModelFamily inner = standardFamily("inner");

        manager.bindFamily(inner, Registered.as(inner, ModelFamily.FAMILY_ID, "outer"));

        rule.awaitStatus("serving outer", s -> "outer".equals(s.familyId()));
        assertEquals("outer", manager.infer(validInput()).familyId());
        assertEquals(List.of("outer"), manager.families());
    }
}
