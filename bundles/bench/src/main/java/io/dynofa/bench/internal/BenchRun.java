package io.dynofa.bench.internal;

import io.dynofa.family.api.ModelFamily;
import io.dynofa.inference.api.InferenceService;
import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import io.dynofa.util.internal.Stats;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The measurements, made inside the running gateway through its public services only, in this order: the
 * time to the first result ({@link ColdStartMeasurement}), the runtime measured and its resident memory,
 * the inference service against a bare ORT session of the same level ({@link OverheadMeasurement}, with
 * the allocation per request), and the cost of a switch ({@link SwitchCostMeasurement}). Mode {@code memory} stops
 * after the memory and the overhead (a latency check beside it); mode {@code idle} measures only the memory of a
 * gateway without a family.
 */
final class BenchRun {
    private static final int WARM_UP_REQUESTS = 500;
    private static final long SETTLE_WINDOW_MS = 2000;
    private static final long SETTLE_MAX_MS = 60_000;

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

    Map<String, Object> run(long activatedEpochMs, MemorySnapshot atActivation) throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("mode", settings.mode());
        if (settings.mode().equals("idle")) {
            report.put("memory", idleMemory(atActivation));
            return report;
        }
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
        report.put("memory", memory(levels, atActivation));
        report.put("overhead", overhead(work, levels));
        if (settings.mode().equals("memory")) {
            return report;
        }
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

    private Map<String, Object> memory(List<Level> levels, MemorySnapshot atActivation) throws InterruptedException {
        Map<String, Object> memory = settledMemory(atActivation);
        memory.put("gatewayLevelsResident", levels.size());
        memory.put("backendsUsable",
            gateway.control().backends().stream().filter(b -> b.unavailableReason() == null).count());
        return memory;
    }

    /**
     * The gateway without a family (bench.sh points the family provider at an empty folder): the framework, every
     * bundle and the ONNX Runtime environment the backends probe, once the gateway has settled.
     */
    private Map<String, Object> idleMemory(MemorySnapshot atActivation) throws InterruptedException {
        Map<String, Object> memory = settledMemory(atActivation);
        RuntimeStatus status = gateway.control().status();
        memory.put("state", String.valueOf(status.state()));
        memory.put("family", status.familyId());
        memory.put("gatewayLevelsResident", gateway.control().levels().size());
        return memory;
    }

    /** The gateway's memory once it has {@linkplain #settle settled}, beside the bench's start and the JVM's flags. */
    private static Map<String, Object> settledMemory(MemorySnapshot atActivation) throws InterruptedException {
        long settledMs = settle();
        MemorySnapshot now = MemorySnapshot.take();
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("settledAfterMs", settledMs);
        memory.put("gatewayRssKb", now.rssKb());
        memory.put("snapshot", now.toMap());
        memory.put("atBenchStart", atActivation.toMap());
        memory.put("jvmArguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
        memory.put("mallocArenaMax", System.getenv("MALLOC_ARENA_MAX"));
        return memory;
    }

    /**
     * Waits until the gateway has settled: over {@value #SETTLE_WINDOW_MS} ms its threads used under a tenth of a
     * core and its RSS moved by under 1 MiB (the other backends' sets load in the background after the first
     * serves), at most {@value #SETTLE_MAX_MS} ms.
     *
     * @return how long it waited, ms
     */
    private static long settle() throws InterruptedException {
        long t0 = System.nanoTime();
        CpuMeter cpu = new CpuMeter();
        while ((System.nanoTime() - t0) / 1_000_000 < SETTLE_MAX_MS) {
            long rss = Probes.rssKb();
            cpu.start();
            Thread.sleep(SETTLE_WINDOW_MS);
            double cores = cpu.cores();
            if (cores >= 0 && cores < 0.1 && Math.abs(Probes.rssKb() - rss) < 1024) {
                break;
            }
        }
        return (System.nanoTime() - t0) / 1_000_000;
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
