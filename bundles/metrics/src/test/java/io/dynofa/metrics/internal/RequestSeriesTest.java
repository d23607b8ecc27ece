package io.dynofa.metrics.internal;

import static org.junit.Assert.assertEquals;

import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.Test;

public class RequestSeriesTest {

    private static Map<Labels, Long> counts(RequestSeries series) {
        return series.latency().getDataPoints().stream()
            .collect(Collectors.toMap(HistogramDataPointSnapshot::getLabels, HistogramDataPointSnapshot::getCount));
    }

    @Test
    public void countsEachRunUnderItsDeploymentAndLevel() {
        RequestSeries series = new RequestSeries(new Bounds(4, 4, 4));
        series.record("a", "l1", 1_000_000);
        series.record("a", "l1", 3_000_000);
        series.record("b", "l2", 1_000_000);
        Map<Labels, Long> counts = counts(series);
        assertEquals(Long.valueOf(2), counts.get(Labels.of("deployment", "a", "level", "l1")));
        assertEquals(Long.valueOf(1), counts.get(Labels.of("deployment", "b", "level", "l2")));
        assertEquals(0, series.dropped());
    }

    @Test
    public void dropsAndCountsRunsBeyondTheBounds() {
        RequestSeries series = new RequestSeries(new Bounds(2, 2, 4));
        series.record("a", "l1", 1);
        series.record("a", "l2", 1);
        series.record("a", "l3", 1);
        series.record("b", "l1", 1);
        series.record("c", "l1", 1);
        series.record(null, null, 1);
        assertEquals(3, counts(series).size());
        assertEquals(3, series.dropped());
    }

    @Test
    public void bucketsAreCumulativeInSeconds() {
        RequestSeries series = new RequestSeries(new Bounds(1, 1, 1));
        series.record("a", "l", 700_000);
        series.record("a", "l", 15_000_000);
        HistogramDataPointSnapshot point = series.latency().getDataPoints().get(0);
        assertEquals(0.0157, point.getSum(), 1e-9);
        assertEquals(1, countAtOrBelow(point, 0.001));
        assertEquals(2, countAtOrBelow(point, 0.02));
    }

    private static long countAtOrBelow(HistogramDataPointSnapshot point, double bound) {
        var buckets = point.getClassicBuckets();
        for (int i = 0; i < buckets.size(); i++) {
            if (buckets.getUpperBound(i) == bound) {
                long cumulative = 0;
                for (int j = 0; j <= i; j++) {
                    cumulative += buckets.getCount(j);
                }
                return cumulative;
            }
        }
        throw new AssertionError("no bucket " + bound);
    }
}
