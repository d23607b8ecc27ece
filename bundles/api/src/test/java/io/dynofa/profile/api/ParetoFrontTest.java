package io.dynofa.profile.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.Test;

public class ParetoFrontTest {

    private record Point(String name, double latency, double accuracy) {
        boolean weaklyDominates(Point other) {
            return latency <= other.latency && accuracy >= other.accuracy;
        }

        boolean strictlyDominates(Point other) {
            return weaklyDominates(other) && (latency < other.latency || accuracy > other.accuracy);
        }
    }

    private static List<Point> front(List<Point> points) {
        return LatencyProfile.paretoFront(points, Point::latency, Point::accuracy);
    }

    private static List<String> names(List<Point> points) {
        return points.stream().map(Point::name).toList();
    }

    @Test
    public void dropsPointsNoMoreAccurateThanAFasterOne() {
        List<Point> points = List.of(new Point("slow-best", 4, 90), new Point("fast", 1, 70),
            new Point("slower-worse", 2, 65), new Point("mid", 3, 80), new Point("slower-same", 3.5, 80));

        assertEquals(List.of("fast", "mid", "slow-best"), names(front(points)));
    }

    @Test
    public void ofEqualLatenciesKeepsTheMostAccurate() {
        List<Point> points = List.of(new Point("a", 1, 70), new Point("b", 1, 75), new Point("c", 1, 72),
            new Point("d", 2, 74), new Point("e", 2, 80));

        assertEquals(List.of("b", "e"), names(front(points)));
    }

    @Test
    public void aSinglePointIsItsOwnFront() {
        Point only = new Point("only", 3, 50);

        assertEquals(List.of(only), front(List.of(only)));
    }

    @Test
    public void levelLatenciesAreRankedByMedianAndTop1() {
        List<LevelLatency> levels = List.of(
            level("ofa-03", 88.0, 0.9), level("ofa-01", 80.0, 0.3), level("width-222", 79.0, 0.5),
            level("ofa-02", 84.0, 0.5), level("width-666", 88.0, 1.4), level("ofa-02b", 84.0, 0.5));

        assertEquals(List.of("ofa-01", "ofa-02", "ofa-03"), LatencyProfile.paretoFront(levels));
    }

    @Test
    public void aSingleLevelIsChosen() {
        assertEquals(List.of("only"), LatencyProfile.paretoFront(List.of(level("only", 50, 2))));
    }

    @Test
    public void paretoLevelsFollowTheIdsFastestFirst() {
        List<LevelLatency> levels = List.of(level("a", 70, 1), level("b", 80, 2), level("c", 60, 3));
        LatencyProfile profile = new LatencyProfile("fam", "1", "cpu", "d", "h", "c", "v", java.time.Instant.EPOCH,
            levels, LatencyProfile.paretoFront(levels));

        assertEquals(List.of("a", "b"), profile.paretoLevelIds());
        assertEquals(List.of(levels.get(0), levels.get(1)), profile.paretoLevels());
        assertEquals(levels.get(2), profile.level("c"));
    }

    private static LevelLatency level(String id, double top1, double medianMs) {
        return new LevelLatency(id, id.startsWith("width") ? "width-only" : "ofa", top1, 1000, medianMs,
            medianMs * 1.1, 0.01, 100);
    }

    @Test
    public void noPointsGiveAnEmptyFront() {
        assertTrue(front(List.of()).isEmpty());
    }

    @Test
    public void randomFrontsAreStrictlyIncreasingAndDropOnlyDominatedPoints() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<Point> points = new ArrayList<>();
            int n = 1 + random.nextInt(30);
            for (int i = 0; i < n; i++) {
                // coarse values so that ties in latency and in accuracy are common
                points.add(new Point("p" + i, random.nextInt(10), 50 + random.nextInt(10)));
            }
            List<Point> front = front(points);

            assertFalse(front.isEmpty());
            for (int i = 1; i < front.size(); i++) {
                assertTrue("latency increases: " + front, front.get(i).latency() > front.get(i - 1).latency());
                assertTrue("accuracy increases: " + front, front.get(i).accuracy() > front.get(i - 1).accuracy());
            }
            for (Point p : points) {
                assertTrue(p + " dropped without a front point as good: " + front,
                    front.contains(p) || front.stream().anyMatch(f -> f.weaklyDominates(p)));
                if (front.contains(p)) {
                    assertTrue(p + " is on the front but dominated",
                        points.stream().noneMatch(q -> q.strictlyDominates(p)));
                }
            }
        }
    }
}
