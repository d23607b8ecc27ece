package io.dynofa.bench.internal;

import io.dynofa.policy.api.Level;
import io.dynofa.util.internal.Stats;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the runtime's per-request output check (every response scanned for NaN and infinities, property
 * {@code checkOutputs}) costs: the service on one pinned level with the check on and off, set through
 * ConfigAdmin, in interleaved blocks (the order alternating each round).
 */
final class OutputCheckCost {
    private final Gateway gateway;
    private final Workload work;
    private final BenchSettings settings;
    private final RuntimeConfiguration configuration;
    private final Sink sink;

    OutputCheckCost(Gateway gateway, Workload work, BenchSettings settings, RuntimeConfiguration configuration,
                    Sink sink) {
        this.gateway = gateway;
        this.work = work;
        this.settings = settings;
        this.configuration = configuration;
        this.sink = sink;
    }

    Map<String, Object> measure(Level level) throws Exception {
        gateway.pinAndWait(level, work.tensors()[0]);
        int rounds = settings.quick() ? 4 : 8;
        int block = settings.quick() ? 2000 : 5000;
        long[][] times = new long[2][rounds * block];
        double[][] blockMedians = new double[2][rounds];
        Dictionary<String, Object> before = null;
        try {
            for (int r = 0; r < rounds; r++) {
                for (int j = 0; j < 2; j++) {
                    int on = (r + j) % 2 == 0 ? 1 : 0;
                    Dictionary<String, Object> previous = configuration.override("checkOutputs", on == 1);
                    before = before == null ? previous : before;
                    for (int i = 0; i < block / 4; i++) {
                        sink.add(gateway.service().infer(work.tensors()[i % Workload.IMAGES]).output().floats()[0]);
                    }
                    int start = r * block;
                    for (int i = 0; i < block; i++) {
                        long t0 = System.nanoTime();
                        sink.add(gateway.service().infer(work.tensors()[i % Workload.IMAGES]).output().floats()[0]);
                        times[on][start + i] = System.nanoTime() - t0;
                    }
                    blockMedians[on][r] = Stats.median(Arrays.copyOfRange(times[on], start, start + block), block);
                }
            }
        } finally {
            if (before != null) {
                configuration.restore(before);
            }
        }
        double onUs = Stats.median(times[1], times[1].length) / 1e3;
        double offUs = Stats.median(times[0], times[0].length) / 1e3;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("level", level.id());
        out.put("checkOnMedianUs", Stats.round(onUs, 3));
        out.put("checkOffMedianUs", Stats.round(offUs, 3));
        out.put("ratioOnOff", Stats.round(onUs / offUs, 4));
        out.put("blockMediansOnUs", Arrays.stream(blockMedians[1]).map(v -> Stats.round(v / 1e3, 3)).toArray());
        out.put("blockMediansOffUs", Arrays.stream(blockMedians[0]).map(v -> Stats.round(v / 1e3, 3)).toArray());
        out.put("rounds", rounds);
        out.put("blockSize", block);
        return out;
    }
}
