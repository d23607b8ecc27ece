package io.dynofa.manager.internal;

import static io.dynofa.manager.internal.ManagerRule.config;
import static io.dynofa.manager.internal.ManagerRule.validInput;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InferenceException.Reason;
import io.dynofa.inference.api.InferenceResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;

/** Admission control: bounded queue, bounded concurrent runs, deadlines; every refusal counted by reason. */
public class RuntimeManagerAdmissionTest {
    @Rule
    public final ManagerRule rule = new ManagerRule();

    private static FakeFamily oneLevel() {
        return new FakeFamily(ManagerRule.FAMILY).level("l0", 70);
    }

    private static Reason reasonOf(CompletableFuture<InferenceResult> future) throws InterruptedException {
        try {
            future.get(5, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return ((InferenceException) e.getCause()).reason();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer within 5 s", e);
        }
    }

    @Test
    public void aFullQueueRefusesAtOnceWithOverloadedAndTheAcceptedRequestsAreAllServed() throws Exception {
        FakeBackend backend = new FakeBackend(ManagerRule.BACKEND).sleeping("l0", 50);
        RuntimeManager manager = rule.startServing(config("asyncThreads", 1, "asyncQueueSize", 2), oneLevel(),
            backend);

        List<CompletableFuture<InferenceResult>> futures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            futures.add(manager.inferAsync(validInput()));
        }
        long refusedAtOnce = futures.stream().filter(CompletableFuture::isCompletedExceptionally).count();
        int served = 0;
        for (CompletableFuture<InferenceResult> f : futures) {
            Reason reason = reasonOf(f);
            if (reason == null) {
                served++;
            } else {
                assertEquals(Reason.OVERLOADED, reason);
            }
        }
        assertTrue("one running and two queued at most, the rest refused at once: " + refusedAtOnce,
            refusedAtOnce >= 7);
        assertEquals(10 - refusedAtOnce, served);
        assertEquals(Long.valueOf(refusedAtOnce), manager.status().rejected().get("OVERLOADED"));
    }

    @Test
    public void aQueuedRequestPastItsDeadlineFailsWithDeadlineExceededWithoutRunning() throws Exception {
        FakeBackend backend = new FakeBackend(ManagerRule.BACKEND).sleeping("l0", 100);
        RuntimeManager manager = rule.startServing(config("asyncThreads", 1, "requestTimeoutMs", 20), oneLevel(),
            backend);
        int runsBefore = backend.loaded("l0").runs();

        CompletableFuture<InferenceResult> first = manager.inferAsync(validInput());
        CompletableFuture<InferenceResult> second = manager.inferAsync(validInput());
        CompletableFuture<InferenceResult> own = manager.inferAsync(validInput(), Duration.ofMillis(5));

        assertEquals(null, reasonOf(first));
        assertEquals("queued behind a 100 ms run with a 20 ms timeout", Reason.DEADLINE_EXCEEDED, reasonOf(second));
        assertEquals(Reason.DEADLINE_EXCEEDED, reasonOf(own));
        assertEquals("only the first ran", runsBefore + 1, backend.loaded("l0").runs());
        assertEquals(Map.of("DEADLINE_EXCEEDED", 2L), manager.status().rejected());
    }

    @Test
    public void callersBeyondTheConcurrentRunsWaitTheirTurnAndBeyondTheWaitingBoundAreRefused() throws Exception {
        FakeBackend backend = new FakeBackend(ManagerRule.BACKEND).sleeping("l0", 600);
        RuntimeManager manager = rule.startServing(config("maxConcurrentRuns", 1, "maxWaitingCallers", 1,
            "requestTimeoutMs", 300, "profileRuns", 1, "sampleCheckSize", 0), oneLevel(), backend);
        FakeModel model = backend.loaded("l0");
        int runsBefore = model.runs();
        CompletableFuture<InferenceResult> running = CompletableFuture.supplyAsync(() -> {
            try {
                return manager.infer(validInput());
            } catch (InferenceException e) {
                throw new IllegalStateException(e);
            }
        });
        Waits.await("the first request runs").until(() -> model.runs() > runsBefore);
        CompletableFuture<Reason> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                manager.infer(validInput());
                return null;
            } catch (InferenceException e) {
                return e.reason();
            }
        });
        Waits.await("the second caller waits").until(() -> waitingCallers(manager) == 1 || waiting.isDone());

        try {
            manager.infer(validInput());
            fail("a third caller beyond one waiting must be refused");
        } catch (InferenceException e) {
            assertEquals(e.getMessage(), Reason.OVERLOADED, e.reason());
        }
        assertEquals("waited 300 ms behind a 600 ms run", Reason.DEADLINE_EXCEEDED, waiting.get(5, TimeUnit.SECONDS));
        assertEquals("l0", running.get(5, TimeUnit.SECONDS).levelId());
        assertEquals(Map.of("OVERLOADED", 1L, "DEADLINE_EXCEEDED", 1L), manager.status().rejected());
        assertEquals(2, manager.status().failed());
    }

    @Test
    public void requestsRefusedWhileNotReadyAreCountedByReason() {
        RuntimeManager manager = rule.start(config());
        for (int i = 0; i < 3; i++) {
            try {
                manager.infer(validInput());
                fail("nothing is bound");
            } catch (InferenceException e) {
                assertEquals(Reason.NOT_READY, e.reason());
            }
        }
        assertEquals(Map.of("NOT_READY", 3L), manager.status().rejected());
    }

    @Test
    public void aLevelThatStartsGivingNaNFailsItsRequestsInsteadOfAnsweringWrongly() throws Exception {
        FakeBackend backend = new FakeBackend(ManagerRule.BACKEND);
        RuntimeManager manager = rule.startServing(config(), oneLevel(), backend);
        backend.loaded("l0").giveNaN(true);

        try {
            manager.infer(validInput());
            fail("a NaN output must not be served");
        } catch (InferenceException e) {
            assertEquals(Reason.BACKEND_FAILURE, e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains("non-finite"));
        }
        manager.modified(TestConfig.fast(config("checkOutputs", false)));
        assertTrue("with the check off the output is returned as it is",
            Float.isNaN(manager.infer(validInput()).output().floats()[0]));
    }

    private static int waitingCallers(RuntimeManager manager) {
        return manager.admission().waitingCallers();
    }
}
