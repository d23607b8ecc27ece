package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.runtime.api.Deployments;
import io.dynofa.runtime.api.RuntimeStatus;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.junit.Test;

/**
 * A gateway without a family (no family provider): "Dynofa family active" is CRITICAL naming the deployment,
 * Felix HC's servlet answers 503, and {@code /metrics} still serves the deployment as not ready.
 */
public class HealthWithoutFamilyIT extends GatewayIT {
    @Override
    protected List<String> modules() {
        return MetricsHealthIT.withMonitoring(gatewayWithout("family-provider", "demo"));
    }

    @Override
    protected Map<String, Map<String, String>> configurations() {
        return HttpCalls.configurations(Map.of());
    }

    @Override
    protected Map<String, List<Map<String, String>>> factoryConfigurations() {
        return MetricsHealthIT.healthServlet();
    }

    @Test
    public void familyActiveIsCriticalAndMetricsSayNotReady() {
        await("the runtime NOT_READY").until(() -> control().status().state(), RuntimeStatus.State.NOT_READY::equals);
        HealthCheckExecutor executor = service(HealthCheckExecutor.class);
        await("family active CRITICAL").until(() -> MetricsHealthIT.statuses(executor).get("Dynofa family active"),
            s -> s == Result.Status.CRITICAL);

        URI endpoint = HttpCalls.endpoint(context);
        HttpResponse<String> health = await("Felix HC's servlet").until(
            () -> GatewayHttp.get(endpoint.resolve("system/health")), r -> r.statusCode() != 404);
        assertEquals(health.body(), 503, health.statusCode());
        assertTrue(health.body(), health.body().contains("deployment default: NOT_READY"));

        PrometheusText metrics = MetricsHealthIT.scrape(endpoint.resolve("metrics"));
        assertEquals(0, metrics.sum("dynofa_ready", l -> Deployments.DEFAULT.equals(l.get("deployment"))), 0);
    }
}
