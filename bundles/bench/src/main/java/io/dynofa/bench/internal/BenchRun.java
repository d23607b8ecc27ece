package io.dynofa.bench.internal;

import io.dynofa.family.api.ModelFamily;
import io.dynofa.inference.api.InferenceService;
import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import io.dynofa.util.internal.Stats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The measurements, made inside the running gateway through its public services only, in this order: the
 * time to the first result ({@link ColdStartMeasurement}), the runtime measured and its resident memory,
 * the inference service against a bare ORT session of the same level ({@link OverheadMeasurement}, with
 * the allocation per request), and the cost of a switch ({@link SwitchCostMeasurement}).
 */
final class BenchRun {
    private static final int WARM_UP_REQUESTS = 500;

    private final Gateway gateway;
    private final Function<String, ModelFamily> families;
    private final BenchSettings settings;
    private final RuntimeConfiguration configuration;
    private final Sink sink = new Sink();

    BenchRun(InferenceService service, RuntimeControl control, Function<String, ModelFamily> families,
             BenchSettings settings, BenchPolicy policy, RuntimeConfiguration configuration) {
        this.configuration = configuration;
        this.gateway = new Gateway(service, control, policy);
        this.families = families;
        this.settings = settings;
    }

    Map<String, Object> run(long activatedEpochMs) throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("mode", settings.mode());
        report.put("coldStart", new ColdStartMeasurement(gateway.service(), settings).measure(activatedEpochMs));
        if (settings.mode().equals("coldstart")) {
            return report;
        }
        RuntimeControl control = gateway.control();
        RuntimeStatus status = gateway.awaitReady();
        ModelFamily family = families.apply(status.familyId());
        List<Level> levels = control.levels();
        Workload work = Workload.load(family, gateway.service().inputSpec().orElseThrow(), settings.sample());
        report.put("runtime", runtime(status, family, levels));
        warmUp(work);
        report.put("memory", memory(levels));
        report.put("overhead", overhead(work, levels));
        report.put("http", http(work, levels));
        report.put("outputCheck", new OutputCheckCost(gateway, work, settings, configuration, sink)
            .measure(smallest(levels)));
        report.put("switch", switching(work, levels));
        control.unpin();
        return report;
    }

    private Map<String, Object> runtime(RuntimeStatus status, ModelFamily family, List<Level> levels) {
        Map<String, Object> runtime = new LinkedHashMap<>();
        runtime.put("family", status.familyId());
        runtime.put("backend", status.backendId());
        runtime.put("backendDescription", gateway.control().backends().stream().filter(b -> b.active())
            .map(b -> b.description()).findFirst().orElse(null));
        runtime.put("activeLevels", levels.stream().map(l -> Map.of("id", l.id(), "latencyMs",
            Stats.round(l.latencyMs(), 4), "top1", l.top1())).toList());
        runtime.put("familyLevels", family.levels().size());
        runtime.put("cpus", Runtime.getRuntime().availableProcessors());
        runtime.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        return runtime;
    }

    private void warmUp(Workload work) throws Exception {
        for (int i = 0; i < WARM_UP_REQUESTS; i++) {
            sink.add(gateway.service().infer(work.tensors()[i % Workload.IMAGES]).output().floats()[0]);
        }
    }

    private static Map<String, Object> memory(List<Level> levels) {
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("gatewayRssKb", Probes.rssKb());
        memory.put("gatewayLevelsResident", levels.size());
        return memory;
    }

    /**
     * The HTTP path beside the in-process call on the smallest level, when the bench was given the gateway's HTTP
     * port ({@code dynofa.bench.httpPort}); null without one.
     */
    private Object http(Workload work, List<Level> levels) throws Exception {
        Integer port = Integer.getInteger("dynofa.bench.httpPort");
        if (port == null) {
            return null;
        }
        return new HttpPathMeasurement(gateway, work, settings, port).measure("smallest", smallest(levels));
    }

    /** The smallest active level, and the largest when it is another. */
    private List<Object> overhead(Workload work, List<Level> levels) throws Exception {
        OverheadMeasurement measurement = new OverheadMeasurement(gateway, work, settings, sink);
        Level smallest = smallest(levels);
        Level largest = largest(levels);
        List<Object> overhead = new ArrayList<>();
        overhead.add(measurement.measure("smallest", smallest));
        if (largest != smallest) {
            overhead.add(measurement.measure("largest", largest));
        }
        return overhead;
    }

    /**
     * Two adjacent middle levels and the extremes by policy, keep-warm on and off and bare sessions
     * interleaved, and the adjacent ones by pin; none with one level.
     */
    private List<Object> switching(Workload work, List<Level> levels) throws Exception {
        List<Object> switching = new ArrayList<>();
        if (levels.size() >= 2) {
            SwitchCostMeasurement measurement = new SwitchCostMeasurement(gateway, work, settings, sink, configuration);
            int mid = (levels.size() - 1) / 2;
            Level a = levels.get(mid);
            Level b = levels.get(mid + 1);
            switching.addAll(measurement.comparePolicySwitches("adjacent", a, b));
            switching.addAll(measurement.comparePolicySwitches("extremes", smallest(levels), largest(levels)));
            switching.add(measurement.measurePins("adjacent", a, b));
        }
        return switching;
    }

    private static Level smallest(List<Level> levels) {
        return levels.get(0);
    }

    private static Level largest(List<Level> levels) {
        return levels.get(levels.size() - 1);
    }

    float sink() {
        return sink.value();
    }
}
