package io.dynofa.metrics.internal;

import static io.dynofa.metrics.internal.LabelNames.DEPLOYMENT;
import static io.dynofa.metrics.internal.LabelNames.KIND;
import static io.dynofa.metrics.internal.LabelNames.LEVEL;
import static io.dynofa.metrics.internal.LabelNames.NAME;
import static io.dynofa.metrics.internal.LabelNames.OUTCOME;
import static io.dynofa.metrics.internal.LabelNames.REASON;

import io.dynofa.monitor.api.Metrics;
import io.dynofa.runtime.api.RuntimeStatus;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * One scrape's metric families, from the deployments' statuses read now and the runs recorded so far. Each
 * deployment, level and signal beyond the {@link Bounds} is left out and counted in {@code dynofa_metrics_dropped}.
 * Pure: the same views give the same families.
 */
final class Scrape {
    static final String OK = "ok";
    static final String FAILED = "failed";

    private final Bounds bounds;
    private final CounterSnapshot.Builder requests = CounterSnapshot.builder().name("dynofa_requests")
        .help("Requests by outcome: ok per level that served them, failed (any reason, no level)");
    private final GaugeSnapshot.Builder ready = GaugeSnapshot.builder().name("dynofa_ready")
        .help("1 when the deployment serves (READY), else 0");
    private final GaugeSnapshot.Builder level = GaugeSnapshot.builder().name("dynofa_level")
        .help("1 for the level in use, 0 for the deployment's other active levels");
    private final GaugeSnapshot.Builder levelIndex = GaugeSnapshot.builder().name("dynofa_level_index")
        .help("Index of the level in use among the active levels, fastest first; -1 when none");
    private final GaugeSnapshot.Builder target = GaugeSnapshot.builder().name("dynofa_target_seconds")
        .help("Latency target of the deployment's runs");
    private final GaugeSnapshot.Builder deadline = GaugeSnapshot.builder().name("dynofa_deadline_seconds")
        .help("Deadline the application gives its frames now (signal frame.deadline.ms)");
    private final GaugeSnapshot.Builder framesWithin = GaugeSnapshot.builder().name("dynofa_frames_within_deadline")
        .help("Frames of the application's window that ended within their deadline");
    private final GaugeSnapshot.Builder framesMissed = GaugeSnapshot.builder().name("dynofa_frames_missed")
        .help("Frames of the application's window that missed their deadline (late, dropped or failed)");
    private final CounterSnapshot.Builder switches = CounterSnapshot.builder().name("dynofa_switches")
        .help("Level changes since the deployment started");
    private final CounterSnapshot.Builder rejections = CounterSnapshot.builder().name("dynofa_rejections")
        .help("Requests refused since the deployment started, by reason");
    private final GaugeSnapshot.Builder signal = GaugeSnapshot.builder().name("dynofa_signal")
        .help("The monitors' last readings for the deployment, by signal name");
    private int droppedDeployments;
    private int droppedLevels;
    private int droppedSignals;

    private Scrape(Bounds bounds) {
        this.bounds = bounds;
    }

    /**
     * @param views the deployments, each name once, in the order they are given series
     * @param leftOut further deployments left out before this (counted with those beyond the bound here)
     * @param latency the runs recorded ({@link RequestSeries#latency()})
     * @param droppedRuns runs left out by {@link RequestSeries}
     */
    static MetricSnapshots of(List<DeploymentView> views, int leftOut, HistogramSnapshot latency, long droppedRuns,
                              Bounds bounds) {
        Scrape scrape = new Scrape(bounds);
        for (HistogramDataPointSnapshot point : latency.getDataPoints()) {
            scrape.requests.dataPoint(counter(point.getLabels().add(OUTCOME, OK), point.getCount()));
        }
        views.stream().limit(bounds.deployments()).forEach(scrape::add);
        scrape.droppedDeployments = leftOut + Math.max(0, views.size() - bounds.deployments());
        return scrape.families(latency, droppedRuns);
    }

    private void add(DeploymentView view) {
        String name = view.deployment();
        RuntimeStatus status = view.status();
        Labels of = Labels.of(DEPLOYMENT, name);
        requests.dataPoint(counter(Labels.of(DEPLOYMENT, name, LEVEL, "", OUTCOME, FAILED), status.failed()));
        ready.dataPoint(gauge(of, status.state() == RuntimeStatus.State.READY ? 1 : 0));
        levels(name, status, view.levels());
        levelIndex.dataPoint(gauge(of, status.levelIndex()));
        target.dataPoint(gauge(of, status.targetMs() / 1000));
        switches.dataPoint(counter(of, status.switches()));
        status.rejected().forEach((reason, count) ->
            rejections.dataPoint(counter(Labels.of(DEPLOYMENT, name, REASON, reason), count)));
        frames(of, status);
        signals(name, status.signals().values());
    }

    private void levels(String deployment, RuntimeStatus status, List<String> active) {
        Set<String> ids = new LinkedHashSet<>(active);
        if (status.levelId() != null) {
            ids.add(status.levelId());
        }
        ids.stream().limit(bounds.levels()).forEach(id -> level.dataPoint(
            gauge(Labels.of(DEPLOYMENT, deployment, LEVEL, id), id.equals(status.levelId()) ? 1 : 0)));
        droppedLevels += Math.max(0, ids.size() - bounds.levels());
    }

    private void frames(Labels of, RuntimeStatus status) {
        OptionalDouble deadlineMs = status.signals().get(Metrics.FRAME_DEADLINE_MS);
        if (deadlineMs.isPresent()) {
            deadline.dataPoint(gauge(of, deadlineMs.getAsDouble() / 1000));
        }
        OptionalDouble count = status.signals().get(Metrics.FRAME_COUNT);
        OptionalDouble missRate = status.signals().get(Metrics.FRAME_MISS_RATE);
        if (count.isPresent() && missRate.isPresent()) {
            double missed = Math.round(count.getAsDouble() * missRate.getAsDouble());
            framesMissed.dataPoint(gauge(of, missed));
            framesWithin.dataPoint(gauge(of, count.getAsDouble() - missed));
        }
    }

    private void signals(String deployment, Map<String, Double> values) {
        new TreeMap<>(values).entrySet().stream().limit(bounds.signals()).forEach(e ->
            signal.dataPoint(gauge(Labels.of(DEPLOYMENT, deployment, NAME, e.getKey()), e.getValue())));
        droppedSignals += Math.max(0, values.size() - bounds.signals());
    }

    private MetricSnapshots families(HistogramSnapshot latency, long droppedRuns) {
        GaugeSnapshot dropped = GaugeSnapshot.builder().name("dynofa_metrics_dropped")
            .help("Series left out of this scrape because they were beyond the configured bounds, by kind")
            .dataPoint(gauge(Labels.of(KIND, "deployments"), droppedDeployments))
            .dataPoint(gauge(Labels.of(KIND, "levels"), droppedLevels))
            .dataPoint(gauge(Labels.of(KIND, "signals"), droppedSignals))
            .build();
        CounterSnapshot droppedRunCount = CounterSnapshot.builder().name("dynofa_metrics_dropped_runs")
            .help("Runs not recorded because their deployment or level was beyond the configured bounds")
            .dataPoint(counter(Labels.EMPTY, droppedRuns)).build();
        return MetricSnapshots.of(requests.build(), latency, ready.build(), level.build(), levelIndex.build(),
            target.build(), deadline.build(), framesWithin.build(), framesMissed.build(), switches.build(),
            rejections.build(), signal.build(), dropped, droppedRunCount);
    }

    private static CounterDataPointSnapshot counter(Labels labels, double value) {
        return CounterDataPointSnapshot.builder().labels(labels).value(value).build();
    }

    private static GaugeDataPointSnapshot gauge(Labels labels, double value) {
        return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
    }
}
