package io.dynofa.itests;

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
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
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
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BackendMigrationIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return ItSupport.gateway(getClass(), Map.of(
            "io.dynofa.backend.cpu-cpu", Map.of("dynofa.backend.id", "cpu", "intraOpThreads", "1"),
            "io.dynofa.backend.cpu-cpu2", Map.of("dynofa.backend.id", "cpu2", "intraOpThreads", "2"),
            "io.dynofa.runtime", Map.of("backend", "cpu", "policy", "cross-backend"),
            "io.dynofa.policy.crossbackend", Map.of("minDwellMs", "200", "recoveryHalfLifeMs", "500")));
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
        Gateway gateway = new Gateway(context);
        gateway.ready();
        RuntimeControl control = gateway.control();
        Gateway.await(() -> "both CPU backends bound; " + control.backends(), () -> control.backends().stream()
            .filter(b -> b.unavailableReason() == null).count() == 2);
        assertEquals("cpu", Gateway.awaitValue(() -> control.status().backendId(), "cpu"));
        double slowest = control.levels().stream().mapToDouble(Level::latencyMs).max().orElseThrow();
        control.setTarget(Math.max(0.5, 3 * slowest));
        Contention contention = new Contention();
        Dictionary<String, Object> props = new Hashtable<>();
        ServiceRegistration<Monitor> registration = context.registerService(Monitor.class, contention, props);
        try (TrafficClient client = new TrafficClient(gateway::inference)) {
            client.awaitServed(300);
            assertEquals("cpu", control.status().backendId());

            contention.on = true;
            Gateway.await(() -> "serving from cpu2 under contention on cpu; status " + control.status(),
                () -> "cpu2".equals(control.status().backendId()));
            long before = client.servedBy("cpu2");
            client.awaitServed(300);
            assertTrue("requests ran on cpu2: " + client.servedBy("cpu2"), client.servedBy("cpu2") > before);
            assertEquals(List.of("cpu2"), control.backends().stream().filter(BackendInfo::active)
                .map(BackendInfo::id).toList());

            contention.on = false;
            Gateway.await(() -> "back on cpu once it has room; status " + control.status(),
                () -> "cpu".equals(control.status().backendId()));
            long onCpu = client.servedBy("cpu");
            client.awaitServed(300);
            assertTrue("requests ran on cpu again", client.servedBy("cpu") > onCpu);
            assertEquals("failed requests: " + client.failures(), 0, client.failures().size());
            assertEquals(0, control.status().failed());
        } finally {
            registration.unregister();
        }
    }
}
