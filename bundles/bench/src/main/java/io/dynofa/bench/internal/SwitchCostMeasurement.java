package io.dynofa.bench.internal;

import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.util.internal.DaemonThreads;
import io.dynofa.util.internal.Stats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The cost of a switch between two levels, one measured switch at a time while a {@link SwitchClient}
 * infers continuously: the time from the decision (a policy's, or a pin) to the first result on the new
 * level, and that first run's latency over the median of the next {@value #STEADY_RUNS}; with the manager's
 * keep-warm on (as shipped) or switched off through ConfigAdmin, and the CPU the gateway used meanwhile.
 */
final class SwitchCostMeasurement {
    static final int STEADY_RUNS = 50;

    private final Gateway gateway;
    private final Workload work;
    private final BenchSettings settings;
    private final BareSwitchBaseline bare;
    private final RuntimeConfiguration configuration;
    private final CpuMeter cpu = new CpuMeter();

    SwitchCostMeasurement(Gateway gateway, Workload work, BenchSettings settings, Sink sink,
                          RuntimeConfiguration configuration) {
        this.gateway = gateway;
        this.work = work;
        this.settings = settings;
        this.bare = new BareSwitchBaseline(work, sink);
        this.configuration = configuration;
    }

    /**
     * A policy's switches between {@code a} and {@code b} with the manager's keep-warm on (as shipped), off
     * ({@code keepWarmNeighbours} = 0 through ConfigAdmin) and on two bare sessions (each {@link BareWarmUp}),
     * interleaved in {@code blocks} rounds (the order of on and off alternating) so that a change in the host's
     * state affects all alike; returns the keep-warm-on and -off summaries, the first with the bare ones.
     */
    List<Map<String, Object>> comparePolicySwitches(String name, Level a, Level b) throws Exception {
        int blocks = settings.quick() ? 2 : 4;
        int switches = settings.quick() ? 10 : 16;
        SwitchSamples on = new SwitchSamples();
        SwitchSamples off = new SwitchSamples();
        Map<BareWarmUp, List<TargetedRatios>> bareRatios = new EnumMap<>(BareWarmUp.class);
        for (int block = 0; block < blocks; block++) {
            for (boolean keepWarm : block % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                Dictionary<String, Object> before = keepWarm ? null : configuration.override("keepWarmNeighbours", 0);
                try {
                    startOn(a, true);
                    alternate(a, b, true, keepWarm ? on : off, switches);
                } finally {
                    if (before != null) {
                        configuration.restore(before);
                    }
                }
            }
            bare.firstOverSteady(a, b, switches).forEach((warmUp, ratios) ->
                bareRatios.computeIfAbsent(warmUp, w -> new ArrayList<>()).add(ratios));
        }
        Map<String, Object> withKeepWarm = describe(name, "policy", a, b, true, on);
        bareRatios.forEach((warmUp, perBlock) -> describeBare(withKeepWarm, warmUp.key, perBlock));
        return List.of(withKeepWarm, describe(name, "policy", a, b, false, off));
    }

    /** Adds one bare variant's pooled median, block medians and medians per target level under {@code key}. */
    private static void describeBare(Map<String, Object> out, String key, List<TargetedRatios> perBlock) {
        double[] all = perBlock.stream().flatMapToDouble(r -> Arrays.stream(r.ratios())).toArray();
        String[] targets = perBlock.stream().flatMap(r -> Arrays.stream(r.targets())).toArray(String[]::new);
        out.put(key + "Median", Stats.round(Stats.median(all, all.length), 3));
        out.put(key + "BlockMedians", perBlock.stream()
            .map(r -> Stats.round(Stats.median(r.ratios(), r.ratios().length), 3)).toList());
        out.put(key + "MedianByTarget", Stats.mediansBy(targets, all, all.length));
    }

    /** Pins {@code a} and {@code b} in turn through {@link RuntimeControl#pin} (keep-warm on, as shipped). */
    Map<String, Object> measurePins(String name, Level a, Level b) throws Exception {
        SwitchSamples pins = new SwitchSamples();
        startOn(a, false);
        alternate(a, b, false, pins, settings.quick() ? 20 : 60);
        return describe(name, "pin", a, b, true, pins);
    }

    private static Map<String, Object> describe(String name, String source, Level a, Level b, boolean keepWarm,
                                                SwitchSamples samples) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("series", name);
        out.put("source", source);
        out.put("keepWarm", keepWarm);
        out.put("decision", source.equals("policy") ? "SwitchingPolicy.decide on the manager thread"
            : "RuntimeControl.pin on the bench thread (handed to the manager thread)");
        out.put("levels", List.of(a.id(), b.id()));
        out.putAll(samples.summary());
        return out;
    }

    /** Serves on {@code a}; with {@code viaPolicy}, hands the decisions to the bench policy, unpinned. */
    private void startOn(Level a, boolean viaPolicy) throws Exception {
        RuntimeControl control = gateway.control();
        gateway.pinAndWait(a, work.tensors()[0]);
        if (viaPolicy) {
            gateway.policy().request(null);
            control.choosePolicy(BenchPolicy.NAME);
            control.unpin();
            while (!BenchPolicy.NAME.equals(control.status().policy()) || control.status().pinned()) {
                Thread.sleep(5);
            }
        }
    }

    /**
     * {@code switches} switches into {@code samples} as one block, alternating from {@code a}, 20-50 ms
     * apart, with the cores the gateway's threads used meanwhile.
     */
    private void alternate(Level a, Level b, boolean viaPolicy, SwitchSamples samples, int switches)
        throws Exception {
        int first = samples.reserve(switches);
        SwitchClient client = new SwitchClient(gateway.service(), gateway.policy(), work.tensors(), STEADY_RUNS);
        client.viaPolicy = viaPolicy;
        Thread clientThread = DaemonThreads.start("dynofa-bench-client", client);
        Thread.sleep(200);
        cpu.start();
        Random random = new Random(42);
        Level current = a;
        try {
            for (int s = 0; s < switches; s++) {
                Level next = current == a ? b : a;
                client.target = next.id();
                client.phase = 1;
                client.pinnedAt = System.nanoTime();
                if (viaPolicy) {
                    gateway.policy().request(next.id());
                } else {
                    gateway.control().pin(next.id());
                }
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (client.phase != 3) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("switch to " + next.id() + " not seen within 10 s");
                    }
                    Thread.sleep(1);
                }
                if (client.failure != null) {
                    throw new IllegalStateException("client failed", client.failure);
                }
                samples.set(first + s, next.id(), client.decisionToFirstResult, client.decisionToFirstStart,
                    client.firstLatency, Stats.median(client.steady, client.steadyCount));
                samples.keepWarmState(gateway.control().status().keepWarmState());
                client.phase = 0;
                current = next;
                Thread.sleep(20 + random.nextInt(30));
            }
            samples.endBlock(switches, cpu.cores());
        } finally {
            client.stop = true;
            clientThread.join(5_000);
        }
    }
}
