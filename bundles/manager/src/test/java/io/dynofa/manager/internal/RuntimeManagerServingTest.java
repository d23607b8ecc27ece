package io.dynofa.manager.internal;

import static io.dynofa.manager.internal.ManagerRule.config;
import static io.dynofa.manager.internal.ManagerRule.standardBackend;
import static io.dynofa.manager.internal.ManagerRule.standardFamily;
import static io.dynofa.manager.internal.ManagerRule.validInput;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InferenceException.Reason;
import io.dynofa.inference.api.InferenceResult;
import io.dynofa.inference.api.Tensor;
import io.dynofa.runtime.api.Problem;
import io.dynofa.runtime.api.RuntimeStatus;
import io.dynofa.runtime.api.RuntimeStatus.State;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;

public class RuntimeManagerServingTest {
    @Rule
    public final ManagerRule rule = new ManagerRule();

    private static InferenceException inferFails(RuntimeManager manager, Tensor input, Reason reason) {
        try {
            InferenceResult result = manager.infer(input);
            throw new AssertionError("expected " + reason + " but level " + result.levelId() + " served " + input);
        } catch (InferenceException e) {
            assertEquals(e.getMessage(), reason, e.reason());
            return e;
        }
    }

    @Test
    public void startsAtTheMostAccurateLevelWithinTheTarget() throws Exception {
        RuntimeManager manager = rule.startServing(config("targetLatencyMs", 5.0), standardFamily("fam"),
            standardBackend());
        assertEquals("l1 (4 ms) fits 5 ms, l2 (8 ms) does not", "l1", manager.infer(validInput()).levelId());
    }

    @Test
    public void withADeadlineStartsAtTheFastestLevelForThePolicyToClimbFrom() throws Exception {
        RuntimeManager manager = rule.startServing(config("targetLatencyMs", 5.0, "deadlineMs", 5.0),
            standardFamily("fam"), standardBackend());
        assertEquals("l0", manager.infer(validInput()).levelId());
    }

    @Test
    public void servesFromTheLevelTheStatusReports() throws Exception {
        RuntimeManager manager = rule.startServing(config(), standardFamily("fam"), standardBackend());
        rule.bind(FakePolicy.movingTo("dynofa-step", 1));
        RuntimeStatus status = rule.awaitStatus("level l1", s -> "l1".equals(s.levelId()));

        InferenceResult result = manager.infer(validInput());

        assertEquals("l1", result.levelId());
        assertEquals("logits of the family's second level", 1, result.topClass());
        assertEquals("fam", result.familyId());
        assertEquals("cpu", result.backendId());
        assertTrue(result.latencyMillis() >= 4);
        assertEquals(1, status.levelIndex());
        assertEquals("dynofa-step", status.policy());
        assertTrue(manager.inputSpec().isPresent());
        assertEquals(1, manager.status().served());
    }

    @Test
    public void onJvmExitTheRequestInFlightFinishesAndEveryModelIsClosedBeforeTheHookReturns() throws Exception {
        FakeBackend backend = standardBackend().sleeping("l2", 200);
        RuntimeManager manager = rule.startServing(config("pinnedLevel", "l2"), standardFamily("fam"), backend);
        rule.awaitStatus("pinned to l2", s -> "l2".equals(s.levelId()));
        int runsBefore = backend.loaded("l2").runs();
        CompletableFuture<InferenceResult> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return manager.infer(validInput());
            } catch (InferenceException e) {
                throw new CompletionException(e);
            }
        });
        Waits.await("the request running on l2").until(() -> backend.loaded("l2").runs() > runsBefore);

        manager.stopForExit();

        assertTrue("models closed: " + backend.loaded(), backend.loaded().stream().allMatch(FakeModel::isClosed));
        assertTrue("the request in flight had finished", inFlight.isDone());
        assertEquals("l2", inFlight.get().levelId());
        inferFails(manager, validInput(), Reason.NOT_READY);
        assertTrue(backend.loaded().stream().noneMatch(m -> m.runsAfterClose() > 0));
    }

    @Test
    public void rejectsInvalidInputAndKeepsServing() throws Exception {
        RuntimeManager manager = rule.startServing(config(), standardFamily("fam"), standardBackend());

        String dtype = inferFails(manager, Tensor.ofBytes(new byte[4], 1, 1, 2, 2), Reason.INVALID_INPUT).getMessage();
        String shape = inferFails(manager, Tensor.ofFloats(new float[9], 1, 1, 3, 3), Reason.INVALID_INPUT)
            .getMessage();
        String nan = inferFails(manager, Tensor.ofFloats(new float[] {0, Float.NaN, 0, 0}, 1, 1, 2, 2),
            Reason.INVALID_INPUT).getMessage();

        assertTrue(dtype, dtype.contains("uint8") && dtype.contains("float32"));
        assertTrue(shape, shape.contains("[N, 1, 2, 2]"));
        assertTrue(nan, nan.contains("NaN"));
        assertEquals("l0", manager.infer(validInput()).levelId());
        assertEquals("a batch of two is valid", "l0",
            manager.infer(Tensor.ofFloats(new float[8], 2, 1, 2, 2)).levelId());
        RuntimeStatus status = manager.status();
        assertEquals(State.READY, status.state());
        assertEquals(3, status.failed());
        assertEquals(2, status.served());
    }

    @Test
    public void inferAsyncCompletesAndFailsWithTheInferenceException() throws Exception {
        RuntimeManager manager = rule.startServing(config(), standardFamily("fam"), standardBackend());

        assertEquals("l0", manager.inferAsync(validInput()).get(5, TimeUnit.SECONDS).levelId());
        try {
            manager.inferAsync(Tensor.ofFloats(new float[3], 1, 3)).get(5, TimeUnit.SECONDS);
            fail("expected the future to fail");
        } catch (ExecutionException e) {
            assertTrue(String.valueOf(e.getCause()), e.getCause() instanceof InferenceException);
            assertEquals(Reason.INVALID_INPUT, ((InferenceException) e.getCause()).reason());
        }
    }

    @Test
    public void isNotReadyUntilAFamilyIsRegistered() {
        RuntimeManager manager = rule.start(config());
        rule.bind(standardBackend());
        rule.awaitStatus("the missing family listed", s -> !s.problems().isEmpty());

        String message = inferFails(manager, validInput(), Reason.NOT_READY).getMessage();

        assertTrue(message, message.contains("no model family"));
        assertTrue(manager.status().problems().toString(),
            StatusProblems.has(manager.status(), Problem.FAMILY_UNKNOWN, "fam"));
        assertEquals(State.NOT_READY, manager.status().state());
        assertTrue(manager.inputSpec().isEmpty());
        assertTrue(manager.levels().isEmpty());
    }

    @Test
    public void unbindingTheBackendStopsServingUntilOneIsBoundAgain() throws Exception {
        FakeBackend first = standardBackend();
        RuntimeManager manager = rule.startServing(config(), standardFamily("fam"), first);
        manager.infer(validInput());

        rule.unbind(first);

        String atOnce = inferFails(manager, validInput(), Reason.NOT_READY).getMessage();
        assertTrue(atOnce, atOnce.contains("'cpu'"));
        Waits.await("models closed once the keep-warm run in flight (if any) returns its lease")
            .untilAsserted(() -> assertTrue("models: " + first.loaded(),
                first.loaded().stream().allMatch(m -> m.closes() == 1)));
        RuntimeStatus down = rule.awaitStatus("the missing backend listed",
            s -> StatusProblems.has(s, Problem.BACKEND_UNBOUND, "cpu"));
        assertEquals(State.NOT_READY, down.state());
        assertNull(down.backendId());
        assertNull(down.levelId());
        assertEquals(-1, down.levelIndex());
        String later = inferFails(manager, validInput(), Reason.NOT_READY).getMessage();
        assertTrue(later, later.contains("'cpu'"));
        assertTrue(manager.backends().isEmpty());

        FakeBackend second = standardBackend();
        rule.bind(second);
        rule.awaitState(State.READY);

        assertEquals("l0", manager.infer(validInput()).levelId());
        assertEquals("the probe check and this request (latencies as measured on the first backend of that configuration)",
            2, second.loaded("l0").runs());
        assertFalse(manager.status().problems().toString(),
            StatusProblems.codes(manager.status()).stream().anyMatch(code -> code.startsWith("backend.")));
        assertTrue(manager.backends().get(0).active());
        assertFalse(first.loaded().stream().anyMatch(m -> m.runsAfterClose() > 0));
    }
}
