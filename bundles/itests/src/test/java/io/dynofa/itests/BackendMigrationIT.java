package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.monitor.api.Metrics;
import io.dynofa.monitor.api.Monitor;
import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.BackendInfo;
import io.dynofa.runtime.api.RuntimeControl;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;
import org.osgi.framework.ServiceRegistration;

/**
 * Serving moves across device backends under contention and back, without a failed request. Two real CPU
 * backend instances run (factory configurations {@code cpu}, 1 intra-op thread, the configured one, and
 * {@code cpu2}, 2 threads); the manager keeps the family resident and warm on both; policy
 * {@code cross-backend} chooses the (backend, level) pair.
 *
 * <p>How contention is produced, and why so: both instances run on the same two cores, so no real load here
 * slows one of them and not the other (a busy thread or a second client of {@code cpu}'s models slows
 * {@code cpu2} just as much; on a Jetson the CPU and the GPU are separate devices). The event is therefore
 * reported the way a device monitor reports another application on its device: a {@link Monitor} registered
 * by this test publishes {@code backend.busy.cpu = 0.9} while the event lasts. Everything else is real: the
 * policy also reads the slowdowns the latency monitor measures per backend, the switch is the manager's, the
 * requests run on ONNX Runtime on the backend their result names ({@code InferenceResult.backendId()}).
 */
public class BackendMigrationIT extends GatewayIT {

    @Override
    protected Map<String, Map<String, String>> configurations() {
        return Map.of(RUNTIME_PID, Map.of("backend", "cpu", "policy", "cross-backend"),
            "io.dynofa.policy.crossbackend", Map.of("minDwellMs", "200", "recoveryHalfLifeMs", "500"));
    }

    @Override
    protected Map<String, List<Map<String, String>>> factoryConfigurations() {
        return Map.of("io.dynofa.backend.cpu", List.of(Map.of("dynofa.backend.id", "cpu", "intraOpThreads", "1"),
            Map.of("dynofa.backend.id", "cpu2", "intraOpThreads", "2")));
    }

    /** The other application on backend {@code cpu}, as a device monitor would report it. */
    private static final class Contention implements Monitor {
        private volatile boolean on;

        @Override
        public String name() {
            return "itest-contention";
        }

        @Override
        public Optional<String> unavailableReason() {
            return Optional.empty();
        }

        @Override
        public Map<String, Double> read() {
            return on ? Map.of(Metrics.BUSY_OF_BACKEND + "cpu", 0.9) : Map.of();
        }
    }

    @Test
    public void contentionMovesTrafficToTheOtherBackendAndBackWithoutAFailedRequest() throws Exception {
        ready();
        RuntimeControl control = control();
        await("both CPU backends bound").untilAsserted(() -> assertEquals("usable backends among "
            + control.backends(), 2, control.backends().stream().filter(b -> b.unavailableReason() == null).count()));
        awaitBackend(control, "cpu", "serving from cpu");
        double slowest = control.levels().stream().mapToDouble(Level::latencyMs).max().orElseThrow();
        control.setTarget(Math.max(0.5, 3 * slowest));
        Contention contention = new Contention();
        Dictionary<String, Object> props = new Hashtable<>();
        ServiceRegistration<Monitor> registration = context.registerService(Monitor.class, contention, props);
        try (TrafficClient client = new TrafficClient(this::inference)) {
            client.awaitServed(300);
            assertEquals("cpu", control.status().backendId());

            contention.on = true;
            awaitBackend(control, "cpu2", "serving from cpu2 under contention on cpu");
            long before = client.servedBy("cpu2");
            client.awaitServed(300);
            assertTrue("requests ran on cpu2: " + client.servedBy("cpu2"), client.servedBy("cpu2") > before);
            assertEquals(List.of("cpu2"), control.backends().stream().filter(BackendInfo::active)
                .map(BackendInfo::id).toList());

            contention.on = false;
            awaitBackend(control, "cpu", "back on cpu once it has room");
            long onCpu = client.servedBy("cpu");
            client.awaitServed(300);
            assertTrue("requests ran on cpu again", client.servedBy("cpu") > onCpu);
            assertEquals("failed requests: " + client.failures(), 0, client.failures().size());
            assertEquals(0, control.status().failed());
        } finally {
            registration.unregister();
        }
    }

    private static void awaitBackend(RuntimeControl control, String backendId, String what) {
        await(what).untilAsserted(() ->
            assertEquals("status " + control.status(), backendId, control.status().backendId()));
    }
}
