package io.dynofa.manager.internal;

import static io.dynofa.manager.internal.ManagerRule.config;
import static io.dynofa.manager.internal.ManagerRule.standardFamily;
import static io.dynofa.manager.internal.ManagerRule.validInput;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.inference.api.InferenceException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.junit.Rule;
import org.junit.Test;

public class RuntimeManagerFamilySwapTest {
    private static final int CLIENTS = 2;

    @Rule
    public final ManagerRule rule = new ManagerRule();

    private final AtomicBoolean stop = new AtomicBoolean();
    private final Map<String, LongAdder> servedByFamily = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

    private Thread client(RuntimeManager manager) {
        Thread thread = new Thread(() -> {
            while (!stop.get()) {
                try {
                    String family = manager.infer(validInput()).familyId();
                    servedByFamily.computeIfAbsent(family, f -> new LongAdder()).increment();
                } catch (InferenceException | RuntimeException e) {
                    failures.add(e);
                }
            }
        }, "test-client");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static List<FakeModel> openModels(FakeBackend backend) {
        return backend.loaded().stream().filter(m -> !m.isClosed()).toList();
    }

    private long served(String family) {
        LongAdder n = servedByFamily.get(family);
        return n == null ? 0 : n.sum();
    }

    @Test
    public void swappingFamiliesUnderLoadFailsNoRequestAndClosesEveryOldModel() throws Exception {
        FakeBackend backend = new FakeBackend("cpu").sleeping("l1", 1).sleeping("l2", 2);
        RuntimeManager manager = rule.startServing(config(), standardFamily("fam"), backend);
        rule.bind(standardFamily("fam2"));
        List<Thread> clients = IntStream.range(0, CLIENTS).mapToObj(i -> client(manager)).toList();

        Waits.await("requests served by fam").until(() -> served("fam") > 50);

        String[] order = {"fam2", "fam", "fam2", "fam"};
        for (String next : order) {
            long before = served(next);
            manager.modified(TestConfig.fast(config("family", next)));
            rule.awaitStatus("family " + next, s -> next.equals(s.familyId()));
            Waits.await("requests served by " + next)
                .untilAsserted(() -> assertTrue("state: " + servedByFamily,
                    served(next) > before + 50));

            Waits.await("only the models of " + next + "'s active levels open").untilAsserted(() -> {
                List<FakeModel> open = openModels(backend);
                assertTrue(open + " open, active levels " + manager.levels(), open.size() == manager.levels().size()
                    && open.stream().allMatch(m -> m.name().startsWith(next + "/")));
            });
        }
        stop.set(true);
        for (Thread c : clients) {
            c.join(5_000);
        }

        assertTrue("failed requests: " + failures, failures.isEmpty());
        assertEquals(0, manager.status().failed());
        assertTrue("every activation loads each level at most once (a family loaded again only the Pareto levels it "
            + "measured before): " + backend.loaded().size(), backend.loaded().size() <= 3 * (order.length + 1)
            && backend.loaded().size() >= 3 * 2);
        assertTrue(backend.loaded().stream().allMatch(m -> m.closes() <= 1 && m.runsAfterClose() == 0));
    }
}
