package io.dynofa.bench.internal;

import io.dynofa.runtime.api.KeepWarmState;
import io.dynofa.util.internal.Stats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The measured switches of one variant, collected over interleaved blocks, and their summary. */
final class SwitchSamples {
    private long[] toResult = new long[0];
    private long[] toStart = new long[0];
    private double[] firstOverSteady = new double[0];
    private double[] steady = new double[0];
    private String[] targets = new String[0];
    private final List<Double> blockMedians = new ArrayList<>();
    private final List<Double> blockCores = new ArrayList<>();
    private final Map<String, Integer> keepWarmStates = new TreeMap<>();
    private double coresSum;
    private int blocks;
    private int n;

    /** Room for {@code switches} more samples; returns the index of the first. */
    int reserve(int switches) {
        toResult = Arrays.copyOf(toResult, n + switches);
        toStart = Arrays.copyOf(toStart, n + switches);
        firstOverSteady = Arrays.copyOf(firstOverSteady, n + switches);
        steady = Arrays.copyOf(steady, n + switches);
        targets = Arrays.copyOf(targets, n + switches);
        int first = n;
        n += switches;
        return first;
    }

    void set(int i, String target, long decisionToResult, long decisionToStart, long firstNanos,
             double steadyNanos) {
        targets[i] = target;
        toResult[i] = decisionToResult;
        toStart[i] = decisionToStart;
        steady[i] = steadyNanos;
        firstOverSteady[i] = firstNanos / steadyNanos;
    }

    /**
     * Counts what keeping warm did right after a measured switch, by kind: its mode ("warming", "off", ...) and,
     * when paused, why ("paused: cpu load", "paused: no requests", ...); null (a runtime without it) is not counted.
     */
    void keepWarmState(KeepWarmState state) {
        if (state != null) {
            String kind = state.mode() == KeepWarmState.Mode.PAUSED && state.pause() != null
                ? "paused: " + words(state.pause().name()) : words(state.mode().name());
            keepWarmStates.merge(kind, 1, Integer::sum);
        }
    }

    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Closes a block of {@code switches} samples ending at the last reserved one, measured at {@code cores}. */
    void endBlock(int switches, double cores) {
        blockMedians.add(Stats.round(Stats.median(Arrays.copyOfRange(firstOverSteady, n - switches, n), switches), 3));
        coresSum += cores;
        blockCores.add(Stats.round(cores, 3));
        blocks++;
    }

    Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("switches", n);
        out.put("blocks", blocks);
        out.put("gatewayCpuCores", Stats.round(coresSum / Math.max(1, blocks), 3));
        out.put("gatewayCpuCoresBlocks", List.copyOf(blockCores));
        out.put("decisionToFirstResultMedianUs", Stats.round(Stats.median(toResult, n) / 1e3, 1));
        out.put("decisionToFirstResultP95Us", Stats.round(Stats.percentile(toResult, n, 0.95) / 1e3, 1));
        out.put("decisionToFirstRunStartMedianUs", Stats.round(Stats.median(toStart, n) / 1e3, 1));
        out.put("firstOverSteadyMedian", Stats.round(Stats.median(firstOverSteady, n), 3));
        out.put("firstOverSteadyP95", Stats.round(Stats.percentile(firstOverSteady, n, 0.95), 3));
        out.put("firstOverSteadyMax", Stats.round(Stats.percentile(firstOverSteady, n, 1.0), 3));
        out.put("firstOverSteadyBlockMedians", List.copyOf(blockMedians));
        out.put("firstOverSteadyMedianByTarget", Stats.mediansBy(targets, firstOverSteady, n));
        out.put("keepWarmStates", new TreeMap<>(keepWarmStates));
        out.put("steadyMedianUs", Stats.round(Stats.median(steady, n) / 1e3, 2));
        return out;
    }
}
