package io.dynofa.manager.internal;

import static io.dynofa.manager.internal.ManagerRule.config;
import static io.dynofa.manager.internal.ManagerRule.standardBackend;
import static io.dynofa.manager.internal.ManagerRule.standardFamily;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.dynofa.runtime.api.Problem;
import io.dynofa.runtime.api.RuntimeStatus;
import io.dynofa.runtime.api.RuntimeStatus.State;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;

/** While the configured family is not registered, a fallback family serves. */
public class RuntimeManagerFallbackFamilyTest {
    @Rule
    public final ManagerRule rule = new ManagerRule();

    private RuntimeStatus awaitFamily(String id) {
        return rule.awaitStatus("serving family " + id, s -> id.equals(s.familyId()));
    }

    @Test
    public void removingTheServedFamilyHandsOverToAnotherWithoutAFailedRequestAndBack() throws Exception {
        FakeFamily configured = standardFamily("fam");
        RuntimeManager manager = rule.startServing(config(), configured, standardBackend());
        rule.bind(standardFamily("other"));

        try (Clients clients = new Clients(manager, 2)) {
            clients.awaitServed("fam", 50);

            rule.unbind(configured);
            RuntimeStatus fallback = awaitFamily("other");
            assertTrue(fallback.problems().toString(), StatusProblems.has(fallback, Problem.FAMILY_FALLBACK, "other"));
            clients.awaitServed("other", 50);

            rule.bind(standardFamily("fam"));
            RuntimeStatus back = awaitFamily("fam");
            clients.awaitServed("fam", 50);
            assertFalse(back.problems().toString(),
                StatusProblems.codes(back).stream().anyMatch(code -> code.startsWith("family.")));
            assertEquals(List.of(), clients.failures());
        }
        assertEquals(0, manager.status().failed());
        assertEquals(List.of("fam", "other"), manager.families());
    }

    @Test
    public void theConfiguredFallbackFamilyIsPreferredToTheFirstRegistered() {
        FakeFamily configured = standardFamily("fam");
        rule.startServing(config("fallbackFamily", "b"), configured, standardBackend());
        rule.bind(standardFamily("a"));
        rule.bind(standardFamily("b"));

        rule.unbind(configured);

        // the reconcile that serves b publishes its problems when it ends, just after b serves
        RuntimeStatus status = rule.awaitStatus("b serving, the fallback named", s -> "b".equals(s.familyId())
            && StatusProblems.has(s, Problem.FAMILY_FALLBACK, "b"));
        assertEquals("b", status.familyId());
    }

    @Test
    public void aMissingFallbackFamilyIsNamedAndAnyRegisteredFamilyServes() {
        FakeFamily configured = standardFamily("fam");
        rule.startServing(config("fallbackFamily", "zzz"), configured, standardBackend());
        rule.bind(standardFamily("a"));

        rule.unbind(configured);

        RuntimeStatus status = awaitFamily("a");
        assertTrue(status.problems().toString(), StatusProblems.has(status, Problem.FAMILY_UNKNOWN, "zzz"));
        assertTrue(status.problems().toString(), StatusProblems.has(status, Problem.FAMILY_FALLBACK, "a"));
    }

    @Test
    public void removingTheOnlyFamilyStopsServingOnceItsGraceIsOver() {
        FakeFamily only = standardFamily("fam");
        rule.startServing(config("familyGraceMs", 0), only, standardBackend());

        rule.unbind(only);

        RuntimeStatus status = rule.awaitStatus("the missing family named",
            s -> StatusProblems.has(s, Problem.FAMILY_UNKNOWN, "fam"));
        assertEquals(State.NOT_READY, status.state());
    }

    @Test
    public void theOnlyFamilyGoingAwayKeepsServingItsLevelsUntilItComesBackWithoutAFailedRequest() throws Exception {
        FakeFamily first = standardFamily("fam");
        FakeBackend backend = standardBackend();
        RuntimeManager manager = rule.startServing(config(), first, backend);
        FakeModel oldL0 = backend.loaded("l0");

        rule.unbind(first);
        RuntimeStatus during = rule.awaitStatus("the grace named",
            s -> StatusProblems.has(s, Problem.FAMILY_DEPARTED, "fam"));
        assertEquals(State.READY, during.state());
        assertEquals("l0", manager.infer(ManagerRule.validInput()).levelId());

        FakeFamily back = standardFamily("fam");
        rule.bind(back);
        Waits.await("the old levels closed once the family is back").until(oldL0::isClosed);
        assertEquals("fam", manager.infer(ManagerRule.validInput()).familyId());
        assertEquals(0, manager.status().failed());
        // the manager thread drops the grace's problem right after the set it loaded serves
        rule.awaitStatus("the grace's problem gone", s -> !StatusProblems.has(s, Problem.FAMILY_DEPARTED));
    }

    @Test
    public void theGraceEndsAndServingStopsWhenNoFamilyComesBack() {
        FakeFamily only = standardFamily("fam");
        FakeBackend backend = standardBackend();
        rule.startServing(config("familyGraceMs", 200), only, backend);

        rule.unbind(only);

        rule.awaitState(State.NOT_READY);
        Waits.await("every model closed").until(() -> backend.loaded().stream().allMatch(FakeModel::isClosed));
    }
}
