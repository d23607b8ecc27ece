package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.dynofa.runtime.api.Deployments;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckSelector;
import org.junit.Test;

/**
 * {@code /metrics} and the Dynofa health checks on the gateway with its HTTP bundles (Felix HTTP Jetty 12 on a
 * free port): the text parsed line by line has every family with the deployment's label, a request served moves
 * {@code dynofa_requests_total} by one, the latency buckets are cumulative; the four checks tagged {@code dynofa}
 * are OK and Felix HC's servlet answers {@code /system/health} in JSON.
 */
public class MetricsHealthIT extends GatewayIT {
    static final List<String> CHECKS = List.of("Dynofa family active", "Dynofa backend usable",
        "Dynofa target met", "Dynofa configuration");
    static final String HC_SERVLET = "org.apache.felix.hc.core.impl.servlet.HealthCheckExecutorServlet";
    private static final Predicate<Map<String, String>> DEFAULT = l -> Deployments.DEFAULT.equals(l.get("deployment"));

    /** The gateway with its HTTP, metrics and health bundles, and {@code more}. */
    static List<String> withMonitoring(List<String> gateway) {
        List<String> modules = new ArrayList<>(gateway);
        modules.addAll(List.of("http", "metrics", "health"));
        return modules;
    }

    /** Felix HC's servlet at /system/health, JSON, running the Dynofa checks. */
    static Map<String, List<Map<String, String>>> healthServlet() {
        return Map.of(HC_SERVLET, List.of(Map.of("servletPath", "/system/health", "tags", "dynofa",
            "format", "json")));
    }

    @Override
    protected List<String> modules() {
        return withMonitoring(GATEWAY);
    }

    @Override
    protected Map<String, Map<String, String>> configurations() {
        Map<String, Map<String, String>> configurations = new LinkedHashMap<>(HttpCalls.configurations(Map.of()));
        // a target no run misses, so "target met" is OK however slow the machine
        configurations.put(RUNTIME_PID, Map.of("targetLatencyMs", "10000"));
        return configurations;
    }

    @Override
    protected Map<String, List<Map<String, String>>> factoryConfigurations() {
        return healthServlet();
    }

    @Test
    public void metricsTextHasEveryFamilyPerDeploymentAndCountsARequest() throws Exception {
        ready();
        URI metrics = HttpCalls.endpoint(context).resolve("metrics");
        PrometheusText before = scrape(metrics);
        for (String family : List.of("dynofa_requests_total", "dynofa_ready", "dynofa_level", "dynofa_level_index",
            "dynofa_target_seconds", "dynofa_switches_total", "dynofa_signal")) {
            assertFalse(family + " with deployment=default", before.named(family, DEFAULT).isEmpty());
        }
        assertEquals(1, before.sum("dynofa_ready", DEFAULT), 0);
        assertEquals(10, before.sum("dynofa_target_seconds", DEFAULT), 1e-9);
        String level = control().status().levelId();
        assertEquals("the level in use is 1", 1, before.sum("dynofa_level",
            DEFAULT.and(l -> level.equals(l.get("level")))), 0);
        assertEquals("one level is in use", 1, before.sum("dynofa_level", DEFAULT), 0);

        double served = okRequests(before);
        inference().infer(validInput());
        PrometheusText after = scrape(metrics);
        assertEquals("dynofa_requests_total{outcome=ok} after one request", served + 1, okRequests(after), 0);
        assertHistogramsCumulative(after);
        assertFalse(after.named("dynofa_request_latency_seconds_bucket", DEFAULT).isEmpty());
    }

    @Test
    public void theDynofaChecksAreOkAndFelixServesThemAsJson() {
        ready();
        HealthCheckExecutor executor = service(HealthCheckExecutor.class);
        await("the four Dynofa checks OK").untilAsserted(() -> {
            Map<String, Result.Status> statuses = statuses(executor);
            assertEquals(statuses.toString(), new TreeMap<>(CHECKS.stream().collect(Collectors.toMap(c -> c,
                c -> Result.Status.OK))), statuses);
        });
        URI health = HttpCalls.endpoint(context).resolve("system/health");
        HttpResponse<String> response = await("Felix HC's servlet").until(() -> GatewayHttp.get(health),
            r -> r.statusCode() != 404);
        assertEquals(response.body(), 200, response.statusCode());
        assertTrue(response.body(), response.body().matches("(?s).*\"overallResult\"\\s*:\\s*\"OK\".*"));
        CHECKS.forEach(check -> assertTrue(check + " in " + response.body(), response.body().contains(check)));
    }

    /** The Dynofa checks' statuses by name. */
    static Map<String, Result.Status> statuses(HealthCheckExecutor executor) {
        Map<String, Result.Status> statuses = new TreeMap<>();
        for (HealthCheckExecutionResult r : executor.execute(HealthCheckSelector.tags("dynofa"))) {
            statuses.put(r.getHealthCheckMetadata().getName(), r.getHealthCheckResult().getStatus());
        }
        return statuses;
    }

    static PrometheusText scrape(URI metrics) {
        HttpResponse<String> response = await("GET /metrics").until(() -> GatewayHttp.get(metrics),
            r -> r.statusCode() != 404);
        assertEquals(response.body(), 200, response.statusCode());
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type, type.startsWith("text/plain") && type.contains("version=0.0.4"));
        return PrometheusText.parse(response.body());
    }

    private static double okRequests(PrometheusText text) {
        return text.sum("dynofa_requests_total", DEFAULT.and(l -> "ok".equals(l.get("outcome"))));
    }

    /** Every series' buckets never decrease with {@code le}, and its +Inf bucket is its count. */
    private static void assertHistogramsCumulative(PrometheusText text) {
        Map<Map<String, String>, List<PrometheusText.Sample>> series = text
            .named("dynofa_request_latency_seconds_bucket", l -> true).stream()
            .collect(Collectors.groupingBy(s -> withoutLe(s.labels())));
        assertFalse("latency series", series.isEmpty());
        series.forEach((labels, buckets) -> {
            List<PrometheusText.Sample> ordered = buckets.stream()
                .sorted(Comparator.comparingDouble(s -> Double.parseDouble(s.labels().get("le").replace("+Inf",
                    "Infinity")))).toList();
            for (int i = 1; i < ordered.size(); i++) {
                assertTrue(labels + " cumulative", ordered.get(i).value() >= ordered.get(i - 1).value());
            }
            assertEquals("+Inf", ordered.get(ordered.size() - 1).labels().get("le"));
            assertEquals(labels + " +Inf = count", text.sum("dynofa_request_latency_seconds_count",
                labels::equals), ordered.get(ordered.size() - 1).value(), 0);
        });
    }

    private static Map<String, String> withoutLe(Map<String, String> labels) {
        Map<String, String> rest = new TreeMap<>(labels);
        rest.remove("le");
        return rest;
    }
}
