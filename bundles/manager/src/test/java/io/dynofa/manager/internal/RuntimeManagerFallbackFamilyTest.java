package io.dynofa.manager.internal;

import static io.dynofa.manager.internal.ManagerRule.config;
import static io.dynofa.manager.internal.ManagerRule.standardBackend;
import static io.dynofa.manager.internal.ManagerRule.standardFamily;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.runtime.api.RuntimeStatus;
import io.dynofa.runtime.api.RuntimeStatus.State;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;

/** While the configured family is not registered, a fallback family serves. */
public class RuntimeManagerFallbackFamilyTest {
    @Rule
    public final ManagerRule rule = new ManagerRule();

    private static boolean mentions(RuntimeStatus status, String text) {
        return status.problems().stream().anyMatch(p -> p.contains(text));
    }

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
            assertTrue(fallback.problems().toString(), mentions(fallback,
                "family 'fam' is not registered; serving fallback family 'other'"));
            clients.awaitServed("other", 50);

            rule.bind(standardFamily("fam"));
            RuntimeStatus back = awaitFamily("fam");
            clients.awaitServed("fam", 50);
            assertTrue(back.problems().toString(), back.problems().stream().noneMatch(p -> p.contains("family")));
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

        RuntimeStatus status = awaitFamily("b");
        assertTrue(status.problems().toString(), mentions(status,
            "family 'fam' is not registered; serving fallback family 'b'"));
    }

    @Test
    public void aMissingFallbackFamilyIsNamedAndAnyRegisteredFamilyServes() {
        FakeFamily configured = standardFamily("fam");
        rule.startServing(config("fallbackFamily", "zzz"), configured, standardBackend());
        rule.bind(standardFamily("a"));

        rule.unbind(configured);

        RuntimeStatus status = awaitFamily("a");
        assertTrue(status.problems().toString(), mentions(status, "fallbackFamily 'zzz' is not registered either"));
        assertTrue(status.problems().toString(), mentions(status, "serving fallback family 'a'"));
    }

    @Test
    public void removingTheOnlyFamilyStopsServingOnceItsGraceIsOver() {
        FakeFamily only = standardFamily("fam");
        rule.startServing(config("familyGraceMs", 0), only, standardBackend());

        rule.unbind(only);

        RuntimeStatus status = rule.awaitStatus("the missing family named",
            s -> s.problems().contains("unknown family 'fam' (registered: [])"));
        assertEquals(State.NOT_READY, status.state());
    }

    @Test
    public void theOnlyFamilyGoingAwayKeepsServingItsLevelsUntilItComesBackWithoutAFailedRequest() throws Exception {
        FakeFamily first = standardFamily("fam");
        FakeBackend backend = standardBackend();
        RuntimeManager manager = rule.startServing(config(), first, backend);
        FakeModel oldL0 = backend.loaded("l0");

        rule.unbind(first);
        RuntimeStatus during = rule.awaitStatus("the grace named", s -> s.problems().stream()
            .anyMatch(p -> p.contains("went away and no other family is registered")));
        assertEquals(State.READY, during.state());
        assertEquals("l0", manager.infer(ManagerRule.validInput()).levelId());

        FakeFamily back = standardFamily("fam");
        rule.bind(back);
        Await.until("the old levels closed once the family is back", oldL0::isClosed);
        assertEquals("fam", manager.infer(ManagerRule.validInput()).familyId());
        assertEquals(0, manager.status().failed());
        assertTrue(manager.status().problems().toString(), manager.status().problems().stream()
            .noneMatch(p -> p.contains("went away")));
    }

    @Test
    public void theGraceEndsAndServingStopsWhenNoFamilyComesBack() {
        FakeFamily only = standardFamily("fam");
        FakeBackend backend = standardBackend();
        rule.startServing(config("familyGraceMs", 200), only, backend);

        rule.unbind(only);

        rule.awaitState(State.NOT_READY);
        Await.until("every model closed", () -> backend.loaded().stream().allMatch(FakeModel::isClosed));
    }
}
