package io.dynofa.bench.internal;

import io.dynofa.policy.api.Level;
import java.util.Random;

/**
 * The switch measurement without the runtime: two bare sessions, the current one run for 20-50 ms, then
 * the first run of the other divided by the median of its next {@value SwitchCostMeasurement#STEADY_RUNS}
 * runs.
 */
final class BareSwitchBaseline {
    private final Workload work;
    private final Sink sink;

    BareSwitchBaseline(Workload work, Sink sink) {
        this.work = work;
        this.sink = sink;
    }

    /** The first-over-steady ratio of each of {@code switches} alternations between {@code a} and {@code b}. */
    double[] firstOverSteady(Level a, Level b, int switches) throws Exception {
        float[][] images = work.images();
        Random random = new Random(42);
        double[] ratios = new double[switches];
        long[] steady = new long[SwitchCostMeasurement.STEADY_RUNS];
        try (BareOrt bareA = new BareOrt(work.family().model(a.id()), work.shape());
             BareOrt bareB = new BareOrt(work.family().model(b.id()), work.shape())) {
            for (int i = 0; i < 200; i++) {
                sink.add(bareA.run(images[i % Workload.IMAGES])[0] + bareB.run(images[i % Workload.IMAGES])[0]);
            }
            BareOrt current = bareA;
            int k = 0;
            for (int s = 0; s < switches; s++) {
                long until = System.nanoTime() + (20 + random.nextInt(30)) * 1_000_000L;
                while (System.nanoTime() < until) {
                    sink.add(current.run(images[k++ % Workload.IMAGES])[0]);
                }
                BareOrt next = current == bareA ? bareB : bareA;
                long t0 = System.nanoTime();
                sink.add(next.run(images[k++ % Workload.IMAGES])[0]);
                long first = System.nanoTime() - t0;
                for (int i = 0; i < steady.length; i++) {
                    long t1 = System.nanoTime();
                    sink.add(next.run(images[k++ % Workload.IMAGES])[0]);
                    steady[i] = System.nanoTime() - t1;
                }
                ratios[s] = first / Stats.median(steady, steady.length);
                current = next;
            }
        }
        return ratios;
    }
}
