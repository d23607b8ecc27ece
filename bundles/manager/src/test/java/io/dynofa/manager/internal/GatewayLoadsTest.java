package io.dynofa.manager.internal;

import static io.dynofa.manager.internal.ManagerRule.config;
import static io.dynofa.manager.internal.ManagerRule.standardBackend;
import static io.dynofa.manager.internal.ManagerRule.standardFamily;
import static io.dynofa.manager.internal.ManagerRule.validInput;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.RuntimeStatus.State;
import java.util.ArrayList;
import java.util.List;
import org.junit.After;
import org.junit.Test;

/** Deployments loading through one gateway's {@link GatewayLoads} open each session once and time each level once. */
public class GatewayLoadsTest {
    private final List<RuntimeManager> managers = new ArrayList<>();

    @After
    public void stop() {
        managers.forEach(RuntimeManager::deactivate);
    }

    @Test
    public void aSecondDeploymentOfTheFamilyOnTheBackendOpensNoSessionAndTimesNothing() throws Exception {
        SharedModels shared = new SharedModels();
        FakeFamily family = standardFamily("fam");
        FakeBackend backend = standardBackend();
        RuntimeManager first = serving(shared.loads(), family, backend);
        RuntimeManager second = serving(shared.loads(), family, backend);

        assertEquals("one session per level", 3, backend.loaded().size());
        assertEquals("the second took the first's measured latencies", latencies(first.levels()),
            latencies(second.levels()));
        second.infer(validInput());
        first.deactivate();
        second.infer(validInput());
        assertEquals("the first deployment leaving closes none of the second's sessions", 0,
            backend.loaded().stream().filter(FakeModel::isClosed).count());
    }

    @Test
    public void managersThatShareNothingTimeTheLevelsEachOnTheirOwn() throws Exception {
        FakeFamily family = standardFamily("fam");
        FakeBackend backend = standardBackend();
        RuntimeManager first = serving(GatewayLoads.own(), family, backend);
        RuntimeManager second = serving(GatewayLoads.own(), family, backend);

        assertEquals(6, backend.loaded().size());
        assertNotEquals("two timings of sleeping levels never agree to the nanosecond", latencies(first.levels()),
            latencies(second.levels()));
    }

    private RuntimeManager serving(GatewayLoads loads, FakeFamily family, FakeBackend backend) {
        RuntimeManager manager = new RuntimeManager(TestConfig.fast(config()), loads);
        managers.add(manager);
        manager.bindBackend(backend, Registered.backend(backend));
        manager.bindFamily(family, Registered.family(family));
        Waits.await("serving").until(manager::status, s -> s.state() == State.READY);
        return manager;
    }

    private static List<Double> latencies(List<Level> levels) {
        return levels.stream().map(Level::latencyMs).toList();
    }
}
