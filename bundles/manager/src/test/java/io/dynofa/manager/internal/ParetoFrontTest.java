package io.dynofa.manager.internal;

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
        return ParetoFront.of(points, Point::latency, Point::accuracy);
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
