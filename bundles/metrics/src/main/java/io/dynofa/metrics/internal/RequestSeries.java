package io.dynofa.metrics.internal;

import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The runs the manager told of, as a latency histogram per deployment and level. At most
 * {@link Bounds#deployments()} deployments and {@link Bounds#levels()} levels of each get a series; a run of any
 * other is dropped and counted. Once its series exists a run is recorded lock-free and without allocating (a
 * listener's contract); the first run of a series takes a lock.
 */
final class RequestSeries {
    static final String LATENCY = "dynofa_request_latency_seconds";
    /** Upper bounds, seconds: model runs take from a fraction of a millisecond to seconds. */
    private static final double[] BUCKETS = {0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5};
    private static final double NANOS_PER_SECOND = 1e9;

    private final Bounds bounds;
    private final Histogram latency = Histogram.builder()
        .name(LATENCY).unit(Unit.SECONDS)
        .help("Wall time of the model runs served, by deployment and level")
        .labelNames(LabelNames.DEPLOYMENT, LabelNames.LEVEL)
        .classicOnly().classicUpperBounds(BUCKETS).withoutExemplars()
        .build();
    private final Map<String, Map<String, DistributionDataPoint>> series = new ConcurrentHashMap<>();
    private final LongAdder dropped = new LongAdder();

    RequestSeries(Bounds bounds) {
        this.bounds = bounds;
    }

    /** Records one run of {@code level} for {@code deployment} (null names count as the empty name). */
    void record(String deployment, String level, long latencyNanos) {
        DistributionDataPoint point = pointOf(deployment == null ? "" : deployment, level == null ? "" : level);
        if (point == null) {
            dropped.increment();
        } else {
            point.observe(Math.max(0, latencyNanos) / NANOS_PER_SECOND);
        }
    }

    /** The histogram of every series; a series' count is the runs served at that level. */
    HistogramSnapshot latency() {
        return latency.collect();
    }

    /** Runs left out because their deployment or level was beyond the bounds. */
    long dropped() {
        return dropped.sum();
    }

    private DistributionDataPoint pointOf(String deployment, String level) {
        Map<String, DistributionDataPoint> levels = series.get(deployment);
        if (levels != null) {
            DistributionDataPoint point = levels.get(level);
            if (point != null || levels.size() >= bounds.levels()) {
                return point;
            }
        } else if (series.size() >= bounds.deployments()) {
            return null;
        }
        return admit(deployment, level);
    }

    private synchronized DistributionDataPoint admit(String deployment, String level) {
        Map<String, DistributionDataPoint> levels = series.get(deployment);
        if (levels == null) {
            if (series.size() >= bounds.deployments()) {
                return null;
            }
            levels = new ConcurrentHashMap<>();
            series.put(deployment, levels);
        }
        DistributionDataPoint point = levels.get(level);
        if (point == null && levels.size() < bounds.levels()) {
            point = latency.labelValues(deployment, level);
            levels.put(level, point);
        }
        return point;
    }
}
