package io.dynofa.profiler.internal;

import io.dynofa.profile.api.LevelLatency;
import io.dynofa.util.internal.Stats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The OFA series against the width-only series. For each width-only point: the speed-up at equal
 * accuracy (its latency over that of the fastest OFA candidate at least as accurate, i.e. a level of
 * the OFA series' own Pareto front) and the accuracy gain at equal latency (top-1 of the most accurate
 * OFA candidate at most as slow, minus its own). Points without such an OFA candidate are left out.
 *
 * @param speedups one per width-only point that has an OFA candidate at least as accurate
 * @param gains accuracy points, one per width-only point that has an OFA candidate at most as slow
 */
record Headline(List<Double> speedups, List<Double> gains) {
    static final String OFA = "ofa";
    static final String WIDTH_ONLY = "width-only";

    static Headline of(List<LevelLatency> levels) {
        List<LevelLatency> ofa = levels.stream().filter(l -> OFA.equals(l.series())).toList();
        List<Double> speedups = new ArrayList<>();
        List<Double> gains = new ArrayList<>();
        for (LevelLatency w : levels) {
            if (!WIDTH_ONLY.equals(w.series())) {
                continue;
            }
            ofa.stream().filter(o -> o.top1() >= w.top1()).min(Comparator.comparingDouble(LevelLatency::medianMs))
                .ifPresent(o -> speedups.add(w.medianMs() / o.medianMs()));
            ofa.stream().filter(o -> o.medianMs() <= w.medianMs()).max(Comparator.comparingDouble(LevelLatency::top1))
                .ifPresent(o -> gains.add(o.top1() - w.top1()));
        }
        return new Headline(List.copyOf(speedups), List.copyOf(gains));
    }

    Optional<Double> maxSpeedup() {
        return speedups.stream().max(Double::compare);
    }

    Optional<Double> medianSpeedup() {
        return median(speedups);
    }

    Optional<Double> maxGain() {
        return gains.stream().max(Double::compare);
    }

    Optional<Double> medianGain() {
        return median(gains);
    }

    static Optional<Double> median(List<Double> values) {
        return values.isEmpty() ? Optional.empty() : Optional.of(Stats.median(values));
    }
}
