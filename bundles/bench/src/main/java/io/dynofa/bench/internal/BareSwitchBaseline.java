package io.dynofa.bench.internal;

import io.dynofa.policy.api.Level;
import io.dynofa.util.internal.DaemonThreads;
import io.dynofa.util.internal.Stats;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The switch measurement without the runtime: two bare sessions, the current one run for 20-50 ms, then
 * the first run of the other divided by the median of its next {@value SwitchCostMeasurement#STEADY_RUNS}
 * runs; each {@link BareWarmUp} in turn, switch by switch, so that all three see the same host.
 */
final class BareSwitchBaseline {
    private final Workload work;
    private final Sink sink;

    BareSwitchBaseline(Workload work, Sink sink) {
        this.work = work;
        this.sink = sink;
    }

    /**
     * The first-over-steady ratios of {@code switches} alternations between {@code a} and {@code b} per warm-up,
     * each with the level switched to.
     */
    Map<BareWarmUp, TargetedRatios> firstOverSteady(Level a, Level b, int switches) throws Exception {
        float[][] images = work.images();
        Random random = new Random(42);
        BareWarmUp[] variants = BareWarmUp.values();
        Map<BareWarmUp, TargetedRatios> ratios = new EnumMap<>(BareWarmUp.class);
        for (BareWarmUp v : variants) {
            ratios.put(v, TargetedRatios.of(switches));
        }
        long[] steady = new long[SwitchCostMeasurement.STEADY_RUNS];
        ExecutorService other = Executors.newSingleThreadExecutor(DaemonThreads.factory("bench-bare-warm-up"));
        try (BareOrt bareA = new BareOrt(work.family().model(a.id()), work.shape());
             BareOrt bareB = new BareOrt(work.family().model(b.id()), work.shape())) {
            for (int i = 0; i < 200; i++) {
                sink.add(bareA.run(images[i % Workload.IMAGES])[0] + bareB.run(images[i % Workload.IMAGES])[0]);
                float warmed = other.submit(() -> bareA.run(images[0])[0] + bareB.run(images[0])[0]).get();
                sink.add(warmed);
            }
            BareOrt current = bareA;
            int k = 0;
            for (int s = 0; s < switches * variants.length; s++) {
                BareWarmUp warmUp = variants[s % variants.length];
                long until = System.nanoTime() + (20 + random.nextInt(30)) * 1_000_000L;
                while (System.nanoTime() < until) {
                    sink.add(current.run(images[k++ % Workload.IMAGES])[0]);
                }
                BareOrt next = current == bareA ? bareB : bareA;
                float[] image = images[k++ % Workload.IMAGES];
                if (warmUp == BareWarmUp.OTHER_THREAD) {
                    float warmed = other.submit(() -> next.run(image)[0]).get();
                    sink.add(warmed);
                } else if (warmUp == BareWarmUp.SERVING_THREAD) {
                    sink.add(next.run(image)[0]);
                }
                long t0 = System.nanoTime();
                sink.add(next.run(images[k++ % Workload.IMAGES])[0]);
                long first = System.nanoTime() - t0;
                for (int i = 0; i < steady.length; i++) {
                    long t1 = System.nanoTime();
                    sink.add(next.run(images[k++ % Workload.IMAGES])[0]);
                    steady[i] = System.nanoTime() - t1;
                }
                ratios.get(warmUp).set(s / variants.length, next == bareA ? a.id() : b.id(),
                    first / Stats.median(steady, steady.length));
                current = next;
            }
        } finally {
            other.shutdownNow();
        }
        return ratios;
    }
}
