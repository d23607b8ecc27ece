package io.dynofa.bench.internal;

import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.RuntimeControl;
import java.util.Dictionary;
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
     * Alternates between {@code a} and {@code b}; {@code source} is "policy" or "pin"; {@code keepWarm} false
     * sets the manager's {@code keepWarmNeighbours} to 0 for the measurement (a policy series with keep-warm
     * on is also measured on two bare sessions).
     */
    Map<String, Object> measure(String name, String source, Level a, Level b, boolean keepWarm) throws Exception {
        Dictionary<String, Object> before = keepWarm ? null : configuration.override("keepWarmNeighbours", 0);
        try {
            return measure(name, source, a, b, keepWarm, source.equals("policy"));
        } finally {
            if (before != null) {
                configuration.restore(before);
            }
        }
    }

    private Map<String, Object> measure(String name, String source, Level a, Level b, boolean keepWarm,
                                        boolean viaPolicy) throws Exception {
        startOn(a, viaPolicy);
        int switches = settings.quick() ? 20 : 60;
        long[] toResult = new long[switches];
        long[] toStart = new long[switches];
        double[] firstOverSteady = new double[switches];
        double[] steady = new double[switches];
        double cores = alternate(a, b, viaPolicy, toResult, toStart, firstOverSteady, steady);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("series", name);
        out.put("keepWarm", keepWarm);
        out.put("gatewayCpuCores", Stats.round(cores, 3));
        out.put("decision", viaPolicy ? "SwitchingPolicy.decide on the manager thread"
            : "RuntimeControl.pin on the bench thread (handed to the manager thread)");
        out.put("source", source);
        out.put("levels", List.of(a.id(), b.id()));
        out.put("switches", switches);
        out.put("decisionToFirstResultMedianUs", Stats.round(Stats.median(toResult, switches) / 1e3, 1));
        out.put("decisionToFirstResultP95Us", Stats.round(Stats.percentile(toResult, switches, 0.95) / 1e3, 1));
        out.put("decisionToFirstRunStartMedianUs", Stats.round(Stats.median(toStart, switches) / 1e3, 1));
        out.put("firstOverSteadyMedian", Stats.round(Stats.median(firstOverSteady, switches), 3));
        out.put("firstOverSteadyP95", Stats.round(Stats.percentile(firstOverSteady, switches, 0.95), 3));
        out.put("steadyMedianUs", Stats.round(Stats.median(steady, switches) / 1e3, 2));
        out.put("firstOverSteadyMax", Stats.round(Stats.percentile(firstOverSteady, switches, 1.0), 3));
        if (viaPolicy && keepWarm) {
            out.put("bareOrtFirstOverSteadyMedian", Stats.round(bare.firstOverSteadyMedian(a, b, switches), 3));
        }
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
     * One switch per entry of the arrays, alternating from {@code a}, 20-50 ms apart; returns the cores the
     * gateway's threads used meanwhile.
     */
    private double alternate(Level a, Level b, boolean viaPolicy, long[] toResult, long[] toStart,
                           double[] firstOverSteady, double[] steady) throws Exception {
        SwitchClient client = new SwitchClient(gateway.service(), gateway.policy(), work.tensors(), STEADY_RUNS);
        client.viaPolicy = viaPolicy;
        client.setDaemon(true);
        client.start();
        Thread.sleep(200);
        cpu.start();
        Random random = new Random(42);
        Level current = a;
        try {
            for (int s = 0; s < toResult.length; s++) {
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
                toResult[s] = client.decisionToFirstResult;
                toStart[s] = client.decisionToFirstStart;
                steady[s] = Stats.median(client.steady, client.steadyCount);
                firstOverSteady[s] = client.firstLatency / steady[s];
                client.phase = 0;
                current = next;
                Thread.sleep(20 + random.nextInt(30));
            }
            return cpu.cores();
        } finally {
            client.stop = true;
            client.join(5_000);
        }
    }
}
