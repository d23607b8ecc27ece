package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;

import io.dynofa.inference.api.InferenceService;
import io.dynofa.runtime.api.Deployments;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The gateway of the deployment ITs ({@link DeploymentsIT}, {@link ArbitrationIT}): the default deployment
 * ({@code io.dynofa.runtime}: the shipped family, lut-fit, a loose target, priority {@value #HIGH_PRIORITY}), the
 * shipped arbiter with processors enough that only the deadlines bind, and deployments the tests add and remove
 * as ConfigAdmin factory configurations {@value Deployments#FACTORY_PID}.
 */
abstract class DeploymentsSupport extends GatewayIT {
    protected static final String MAIN = Deployments.DEFAULT;
    protected static final String ARBITRATION = "io.dynofa.arbitration";
    /** Processors the deployments may use unless a test contends them: only the deadlines bind. */
    protected static final double AMPLE_CORES = 4096;
    /** A target every level meets: alone, lut-fit serves the most accurate level. */
    protected static final double LOOSE_MS = 1000;
    protected static final int HIGH_PRIORITY = 1000;
    protected static final int LOW_PRIORITY = 1;

    @Override
    protected List<String> modules() {
        return Stream.concat(GATEWAY.stream(), Stream.of("arbiter-priority")).toList();
    }

    @Override
    protected Map<String, Map<String, String>> configurations() {
        return Map.of(RUNTIME_PID, Map.of("family", FAMILY, "policy", "lut-fit", "targetLatencyMs",
                String.valueOf(LOOSE_MS), "priority", String.valueOf(HIGH_PRIORITY)),
            ARBITRATION, Map.of("cores", String.valueOf(AMPLE_CORES)));
    }

    /**
     * Adds deployment {@code name} (lut-fit) as the named factory configuration {@code io.dynofa.deployment~<name>}
     * and waits for it to serve.
     */
    protected RuntimeControl addDeployment(String name, String family, double targetMs, int priority) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("family", family);
        properties.put("policy", "lut-fit");
        properties.put("targetLatencyMs", targetMs);
        properties.put("priority", priority);
        properties.put("decisionIntervalMs", 50L);
        properties.put("warmupRuns", 10);
        properties.put("profileRuns", 20);
        try {
            deploymentConfiguration(name).update(new Hashtable<>(properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return awaitReady(control(name));
    }

    protected void deleteDeployment(String name) {
        try {
            deploymentConfiguration(name).delete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Configuration deploymentConfiguration(String name) throws IOException {
        return service(ConfigurationAdmin.class).getFactoryConfiguration(Deployments.FACTORY_PID, name, "?");
    }

    protected RuntimeControl control(String deployment) {
        return service(RuntimeControl.class, filter(deployment));
    }

    protected InferenceService inference(String deployment) {
        return service(InferenceService.class, filter(deployment));
    }

    /** Traffic to {@code deployment}'s inference service, back to back. */
    protected TrafficClient trafficTo(String deployment) {
        return trafficTo(deployment, 0);
    }

    /** Traffic to {@code deployment}'s inference service at {@code requestsPerSecond} (0 = back to back). */
    protected TrafficClient trafficTo(String deployment, double requestsPerSecond) {
        InferenceService service = inference(deployment);
        return new TrafficClient(() -> service, requestsPerSecond);
    }

    protected static void awaitServed(long more, TrafficClient... clients) {
        for (TrafficClient client : clients) {
            client.awaitServed(more);
        }
    }

    protected static void assertNoFailedRequest(TrafficClient... clients) {
        for (TrafficClient client : clients) {
            assertEquals("failed requests: " + client.failures(), 0, client.failures().size());
        }
    }

    protected static String filter(String deployment) {
        return "(" + Deployments.PROPERTY + "=" + deployment + ")";
    }

    protected static RuntimeControl awaitReady(RuntimeControl control) {
        await("deployment READY").untilAsserted(() -> assertEquals(control.status().toString(),
            RuntimeStatus.State.READY, control.status().state()));
        return control;
    }
}
