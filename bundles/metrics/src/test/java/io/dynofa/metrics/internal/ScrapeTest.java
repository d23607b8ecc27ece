package io.dynofa.metrics.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class ScrapeTest {
    private static final Bounds BOUNDS = new Bounds(2, 2, 2);

    private static String text(List<DeploymentView> views, RequestSeries runs) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out,
            Scrape.of(views, 0, runs.latency(), runs.dropped(), BOUNDS));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void eachDeploymentHasItsLevelTargetCountsAndSignals() throws IOException {
        RequestSeries runs = new RequestSeries(BOUNDS);
        runs.record("cam", "ofa-2", 2_000_000);
        DeploymentView cam = new DeploymentView("cam", Statuses.serving("cam", "ofa-2", 1, 4,
            Map.of("OVERLOADED", 3L, "NOT_READY", 1L),
            Map.of("frame.count", 20.0, "frame.miss.rate", 0.25, "frame.deadline.ms", 50.0)),
            List.of("ofa-1", "ofa-2"));
        String text = text(List.of(cam), runs);

        assertTrue(text, text.contains("dynofa_requests_total{deployment=\"cam\",level=\"ofa-2\",outcome=\"ok\"} 1.0"));
        assertTrue(text, text.contains("dynofa_requests_total{deployment=\"cam\",level=\"\",outcome=\"failed\"} 4.0"));
        assertTrue(text, text.contains("dynofa_level{deployment=\"cam\",level=\"ofa-2\"} 1.0"));
        assertTrue(text, text.contains("dynofa_level{deployment=\"cam\",level=\"ofa-1\"} 0.0"));
        assertTrue(text, text.contains("dynofa_level_index{deployment=\"cam\"} 1.0"));
        assertTrue(text, text.contains("dynofa_target_seconds{deployment=\"cam\"} 0.025"));
        assertTrue(text, text.contains("dynofa_deadline_seconds{deployment=\"cam\"} 0.05"));
        assertTrue(text, text.contains("dynofa_frames_within_deadline{deployment=\"cam\"} 15.0"));
        assertTrue(text, text.contains("dynofa_frames_missed{deployment=\"cam\"} 5.0"));
        assertTrue(text, text.contains("dynofa_switches_total{deployment=\"cam\"} 3.0"));
        assertTrue(text, text.contains("dynofa_rejections_total{deployment=\"cam\",reason=\"OVERLOADED\"} 3.0"));
        assertTrue(text, text.contains("dynofa_ready{deployment=\"cam\"} 1.0"));
        assertTrue(text, text.contains(
            "dynofa_request_latency_seconds_bucket{deployment=\"cam\",level=\"ofa-2\",le=\"0.002\"} 1"));
    }

    @Test
    public void deploymentsLevelsAndSignalsBeyondTheBoundsAreCounted() throws IOException {
        Map<String, Double> signals = Map.of("a", 1.0, "b", 2.0, "c", 3.0);
        List<DeploymentView> views = List.of(
            new DeploymentView("d1", Statuses.serving("d1", "x", 0, 0, Map.of(), signals), List.of("x", "y", "z")),
            new DeploymentView("d2", Statuses.serving("d2", "x", 0, 0, Map.of(), Map.of()), List.of("x")),
            new DeploymentView("d3", Statuses.serving("d3", "x", 0, 0, Map.of(), Map.of()), List.of("x")));
        String text = text(views, new RequestSeries(BOUNDS));

        assertFalse(text, text.contains("deployment=\"d3\""));
        assertFalse(text, text.contains("name=\"c\""));
        assertFalse(text, text.contains("level=\"z\""));
        assertTrue(text, text.contains("dynofa_metrics_dropped{kind=\"deployments\"} 1.0"));
        assertTrue(text, text.contains("dynofa_metrics_dropped{kind=\"levels\"} 1.0"));
        assertTrue(text, text.contains("dynofa_metrics_dropped{kind=\"signals\"} 1.0"));
        assertTrue(text, text.contains("dynofa_signal{deployment=\"d1\",name=\"a\"} 1.0"));
    }

    @Test
    public void labelValuesAreEscaped() throws IOException {
        DeploymentView odd = new DeploymentView("a\"b\\c\nd",
            Statuses.serving("x", "l", 0, 0, Map.of(), Map.of()), List.of());
        String text = text(List.of(odd), new RequestSeries(BOUNDS));
        assertTrue(text, text.contains("dynofa_ready{deployment=\"a\\\"b\\\\c\\nd\"} 1.0"));
        assertEquals(-1, text.indexOf("a\"b"));
    }
}
