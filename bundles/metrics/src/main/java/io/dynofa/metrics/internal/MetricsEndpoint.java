package io.dynofa.metrics.internal;

import io.dynofa.config.internal.ConfigReader;
import io.dynofa.config.internal.LiveConfig;
import io.dynofa.monitor.api.InferenceListener;
import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.Deployments;
import io.dynofa.runtime.api.RuntimeControl;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.Designate;

/**
 * {@code GET /metrics}: the Prometheus text format (0.0.4) of every deployment, a javax servlet of the HTTP
 * Whiteboard. Counts and latencies of the runs come from the manager as an {@link InferenceListener}; everything
 * else is read from each deployment's {@link RuntimeControl#status()} when scraped. The configuration's
 * bounds apply from the next activation (a modification restarts the component, its series start anew).
 */
@Component(service = {Servlet.class, InferenceListener.class}, configurationPid = MetricsEndpoint.PID)
@HttpWhiteboardServletPattern("/metrics")
@Designate(ocd = MetricsConfig.class)
public final class MetricsEndpoint extends HttpServlet implements InferenceListener {
    static final String PID = "io.dynofa.metrics";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = System.getLogger(MetricsEndpoint.class.getName());
    private static final ConfigReader<MetricsConfig> READER = ConfigReader.of(MetricsConfig.class,
        "osgi.http.whiteboard.servlet.pattern");
    private static final PrometheusTextFormatWriter WRITER = PrometheusTextFormatWriter.create();

    private final transient LiveConfig<MetricsConfig> config;
    private final transient Bounds bounds;
    private final transient RequestSeries runs;
    /** Bound deployments by name; one control per name (the first bound), the names in order. */
    private final transient Map<String, RuntimeControl> controls = new ConcurrentSkipListMap<>();

    @Activate
    public MetricsEndpoint(BundleContext context, Map<String, Object> properties) {
        config = new LiveConfig<>(context, PID, READER, properties);
        bounds = Bounds.of(config.config());
        runs = new RequestSeries(bounds);
    }

    @Deactivate
    void stop() {
        config.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindControl(RuntimeControl control, Map<String, Object> properties) {
        controls.putIfAbsent(Deployments.of(properties), control);
    }

    void unbindControl(RuntimeControl control, Map<String, Object> properties) {
        controls.remove(Deployments.of(properties), control);
    }

    @Override
    public void inferred(String levelId, long latencyNanos, long profiledNanos) {
        runs.record(Deployments.DEFAULT, levelId, latencyNanos);
    }

    @Override
    public void inferred(String backendId, String levelId, long latencyNanos, long profiledNanos) {
        runs.record(Deployments.DEFAULT, levelId, latencyNanos);
    }

    @Override
    public void inferred(String deployment, String backendId, String levelId, long latencyNanos,
                         long profiledNanos) {
        runs.record(deployment, levelId, latencyNanos);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try {
            WRITER.write(text, scrape());
        } catch (RuntimeException e) {
            LOG.log(Logger.Level.WARNING, "metrics scrape failed", e);
            byte[] body = ("{\"error\":\"metrics scrape failed: " + e.getClass().getSimpleName() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            response.setContentType("application/json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(PrometheusTextFormatWriter.CONTENT_TYPE);
        response.setContentLength(text.size());
        text.writeTo(response.getOutputStream());
    }

    /** The families of every deployment bound now and of the runs recorded. */
    MetricSnapshots scrape() {
        List<DeploymentView> views = new ArrayList<>();
        int leftOut = 0;
        for (Map.Entry<String, RuntimeControl> deployment : controls.entrySet()) {
            if (views.size() < bounds.deployments()) {
                read(deployment.getKey(), deployment.getValue(), views);
            } else {
                leftOut++;
            }
        }
        return Scrape.of(views, leftOut, runs.latency(), runs.dropped(), bounds);
    }

    private static void read(String name, RuntimeControl control, List<DeploymentView> views) {
        try {
            views.add(new DeploymentView(name, control.status(),
                control.levels().stream().map(Level::id).toList()));
        } catch (RuntimeException e) {
            LOG.log(Logger.Level.DEBUG, "deployment " + name + " left out of a scrape (it is stopping?)", e);
        }
    }
}
