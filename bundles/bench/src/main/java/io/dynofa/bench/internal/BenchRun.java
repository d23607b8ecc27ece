package io.dynofa.bench.internal;

import io.dynofa.family.api.ModelFamily;
import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InferenceResult;
import io.dynofa.inference.api.InferenceService;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Tensor;
import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * The measurements, made inside the running gateway through its public services only: the inference
 * service against a bare ORT session of the same level (interleaved blocks, same thread), the cost of a
 * switch, allocation per request, resident memory, and the time to the first result.
 */
final class BenchRun {
    private static final int IMAGES = 8;

    interface Call {
        float run(int i) throws Exception;
    }

    private final InferenceService service;
    private final RuntimeControl control;
    private final Function<String, ModelFamily> families;
    private final BenchSettings settings;
    private final BenchPolicy policy;
    private final Map<String, Object> report = new LinkedHashMap<>();
    private volatile float sink;

    BenchRun(InferenceService service, RuntimeControl control, Function<String, ModelFamily> families,
             BenchSettings settings, BenchPolicy policy) {
        this.policy = policy;
        this.service = service;
        this.control = control;
        this.families = families;
        this.settings = settings;
    }

    Map<String, Object> run(long activatedEpochMs) throws Exception {
        report.put("mode", settings.mode());
        coldStart(activatedEpochMs);
        if (settings.mode().equals("coldstart")) {
            return report;
        }
        RuntimeStatus status = awaitReady();
        ModelFamily family = families.apply(status.familyId());
        List<Level> levels = control.levels();
        InputSpec spec = service.inputSpec().orElseThrow();
        long[] shape = spec.shape();
        shape[0] = 1;
        float[][] images = SampleImages.read(settings.sample(), IMAGES, spec);
        Tensor[] tensors = new Tensor[IMAGES];
        for (int i = 0; i < IMAGES; i++) {
            tensors[i] = Tensor.ofFloats(images[i], shape);
        }
        Map<String, Object> runtime = new LinkedHashMap<>();
        runtime.put("family", status.familyId());
        runtime.put("backend", status.backendId());
        runtime.put("backendDescription", control.backends().stream().filter(b -> b.active())
            .map(b -> b.description()).findFirst().orElse(null));
        runtime.put("activeLevels", levels.stream().map(l -> Map.of("id", l.id(), "latencyMs",
            Stats.round(l.latencyMs(), 4), "top1", l.top1())).toList());
        runtime.put("familyLevels", family.levels().size());
        runtime.put("cpus", Runtime.getRuntime().availableProcessors());
        runtime.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        report.put("runtime", runtime);

        for (int i = 0; i < 500; i++) {
            sink += service.infer(tensors[i % IMAGES]).output().floats()[0];
        }
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("gatewayRssKb", Probes.rssKb());
        memory.put("gatewayLevelsResident", levels.size());
        report.put("memory", memory);

        Level smallest = levels.get(0);
        Level largest = levels.get(levels.size() - 1);
        List<Object> overhead = new ArrayList<>();
        overhead.add(overhead("smallest", smallest, family, shape, images, tensors));
        if (largest != smallest) {
            overhead.add(overhead("largest", largest, family, shape, images, tensors));
        }
        report.put("overhead", overhead);

        List<Object> switching = new ArrayList<>();
        if (levels.size() >= 2) {
            int mid = (levels.size() - 1) / 2;
            Level a = levels.get(mid);
            Level b = levels.get(mid + 1);
            switching.add(switchSeries("adjacent", "policy", a, b, tensors, family, shape, images));
            switching.add(switchSeries("extremes", "policy", smallest, largest, tensors, family, shape, images));
            switching.add(switchSeries("adjacent", "pin", a, b, tensors, family, shape, images));
        }
        report.put("switch", switching);
        control.unpin();
        return report;
    }

    private void coldStart(long activatedEpochMs) throws InterruptedException {
        long launch = settings.launchEpochMs();
        long jvmStart = ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(-1L);
        Optional<InputSpec> spec;
        while ((spec = service.inputSpec()).isEmpty()) {
            Thread.sleep(1);
        }
        long[] shape = spec.get().shape();
        shape[0] = 1;
        Tensor input = Tensor.ofFloats(new float[spec.get().sampleSize()], shape);
        InferenceResult first = null;
        while (first == null) {
            try {
                first = service.infer(input);
            } catch (InferenceException e) {
                Thread.sleep(1);
            }
        }
        long firstEpochMs = System.currentTimeMillis();
        Map<String, Object> cold = new LinkedHashMap<>();
        cold.put("launchEpochMs", launch);
        cold.put("launcherToFirstResultMs", launch > 0 ? firstEpochMs - launch : null);
        cold.put("jvmStartToFirstResultMs", jvmStart > 0 ? firstEpochMs - jvmStart : null);
        cold.put("launcherToBenchBundleActiveMs", launch > 0 ? activatedEpochMs - launch : null);
        cold.put("firstLevel", first.levelId());
        report.put("coldStart", cold);
    }

    private RuntimeStatus awaitReady() throws InterruptedException {
        while (true) {
            RuntimeStatus status = control.status();
            if (status.state() == RuntimeStatus.State.READY && !control.levels().isEmpty()) {
                return status;
            }
            Thread.sleep(5);
        }
    }

    private void pinAndWait(Level level, Tensor input) throws Exception {
        control.pin(level.id());
        while (!service.infer(input).levelId().equals(level.id())) {
            Thread.sleep(1);
        }
    }

    private Map<String, Object> overhead(String which, Level level, ModelFamily family, long[] shape,
                                         float[][] images, Tensor[] tensors) throws Exception {
        pinAndWait(level, tensors[0]);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("which", which);
        out.put("level", level.id());
        try (BareOrt bare = new BareOrt(family.model(level.id()), shape)) {
            float maxDiff = 0;
            List<float[]> reference = new ArrayList<>();
            for (int i = 0; i < IMAGES; i++) {
                float[] ours = service.infer(tensors[i]).output().floats();
                float[] theirs = bare.run(images[i]);
                reference.add(theirs);
                for (int k = 0; k < ours.length; k++) {
                    maxDiff = Math.max(maxDiff, Math.abs(ours[k] - theirs[k]));
                }
            }
            out.put("maxAbsDiffServiceVsBare", maxDiff);
            out.put("ortLogits", reference);

            Call[] calls = {
                i -> service.infer(tensors[i % IMAGES]).output().floats()[0],
                i -> bare.run(images[i % IMAGES])[0],
                i -> bare.runReused(images[i % IMAGES])[0],
            };
            String[] names = {"service", "bareOrt", "bareOrtReusedInput"};
            int rounds = settings.quick() ? 12 : 40;
            int block = settings.quick() ? 150 : 250;
            for (Call call : calls) {
                for (int i = 0; i < (settings.quick() ? 800 : 3000); i++) {
                    sink += call.run(i);
                }
            }
            long[][] times = new long[calls.length][rounds * block];
            double[][] blockMedians = new double[calls.length][rounds];
            int[] filled = new int[calls.length];
            for (int r = 0; r < rounds; r++) {
                for (int j = 0; j < calls.length; j++) {
                    int v = (r + j) % calls.length;
                    Call call = calls[v];
                    int start = filled[v];
                    for (int i = 0; i < block; i++) {
                        long t0 = System.nanoTime();
                        sink += call.run(i);
                        times[v][filled[v]++] = System.nanoTime() - t0;
                    }
                    blockMedians[v][r] = Stats.median(java.util.Arrays.copyOfRange(times[v], start, filled[v]), block);
                }
            }
            double[] roundRatios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                roundRatios[r] = blockMedians[0][r] / blockMedians[1][r];
            }
            for (int v = 0; v < calls.length; v++) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("calls", filled[v]);
                m.put("medianUs", Stats.round(Stats.median(times[v], filled[v]) / 1e3, 2));
                m.put("p95Us", Stats.round(Stats.percentile(times[v], filled[v], 0.95) / 1e3, 2));
                m.put("allocBytesPerCall", allocation(calls[v], settings.quick() ? 2000 : 10000));
                out.put(names[v], m);
            }
            double ratio = Stats.median(times[0], filled[0]) / Stats.median(times[1], filled[1]);
            out.put("ratio", Stats.round(ratio, 4));
            out.put("ratioMedianOfRounds", Stats.round(Stats.median(roundRatios, rounds), 4));
            out.put("ratioVsReusedInput", Stats.round(Stats.median(times[0], filled[0])
                / Stats.median(times[2], filled[2]), 4));
            out.put("rounds", rounds);
            out.put("blockSize", block);
        }
        return out;
    }

    /** Bytes allocated on this thread per call, over {@code n} calls, less the probe's own allocation. */
    private double allocation(Call call, int n) throws Exception {
        for (int i = 0; i < 200; i++) {
            sink += call.run(i);
        }
        long p0 = Probes.allocatedBytes();
        long p1 = Probes.allocatedBytes();
        long probe = p1 - p0;
        long a0 = Probes.allocatedBytes();
        for (int i = 0; i < n; i++) {
            sink += call.run(i);
        }
        long a1 = Probes.allocatedBytes();
        if (a0 < 0 || a1 < 0) {
            return Double.NaN;
        }
        return Stats.round((a1 - a0 - probe) / (double) n, 1);
    }

    /** One measured switch at a time, with a client thread inferring continuously. */
    private final class Client extends Thread {
        private final Tensor[] tensors;
        private final int steadyRuns;
        volatile boolean stop;
        volatile String target;
        volatile long pinnedAt;
        volatile boolean viaPolicy;
        /** 0 idle, 1 waiting for the first result on the target, 2 collecting steady-state runs, 3 done. */
        volatile int phase;
        long decisionToFirstResult;
        long decisionToFirstStart;
        long firstLatency;
        final long[] steady;
        int steadyCount;
        volatile Throwable failure;

        Client(Tensor[] tensors, int steadyRuns) {
            super("dynofa-bench-client");
            this.tensors = tensors;
            this.steadyRuns = steadyRuns;
            this.steady = new long[steadyRuns];
        }

        @Override
        public void run() {
            int i = 0;
            try {
                while (!stop) {
                    InferenceResult r = service.infer(tensors[i++ % IMAGES]);
                    long end = System.nanoTime();
                    int p = phase;
                    if (p == 1 && r.levelId().equals(target)) {
                        long decided = viaPolicy ? policy.decidedAt() : pinnedAt;
                        decisionToFirstResult = end - decided;
                        decisionToFirstStart = end - r.latencyNanos() - decided;
                        firstLatency = r.latencyNanos();
                        steadyCount = 0;
                        phase = 2;
                    } else if (p == 2 && r.levelId().equals(target)) {
                        steady[steadyCount++] = r.latencyNanos();
                        if (steadyCount == steadyRuns) {
                            phase = 3;
                        }
                    }
                }
            } catch (Throwable t) {
                failure = t;
                phase = 3;
            }
        }
    }

    private Map<String, Object> switchSeries(String name, String source, Level a, Level b, Tensor[] tensors,
                                             ModelFamily family, long[] shape, float[][] images) throws Exception {
        boolean viaPolicy = source.equals("policy");
        pinAndWait(a, tensors[0]);
        if (viaPolicy) {
            policy.request(-1);
            control.choosePolicy(BenchPolicy.NAME);
            control.unpin();
            while (!BenchPolicy.NAME.equals(control.status().policy()) || control.status().pinned()) {
                Thread.sleep(5);
            }
        }
        int switches = settings.quick() ? 20 : 60;
        Client client = new Client(tensors, 50);
        client.viaPolicy = viaPolicy;
        client.setDaemon(true);
        client.start();
        Thread.sleep(200);
        Random random = new Random(42);
        long[] toResult = new long[switches];
        long[] toStart = new long[switches];
        double[] firstOverSteady = new double[switches];
        Level current = a;
        try {
            for (int s = 0; s < switches; s++) {
                Level next = current == a ? b : a;
                client.target = next.id();
                client.phase = 1;
                client.pinnedAt = System.nanoTime();
                if (viaPolicy) {
                    policy.request(next.index());
                } else {
                    control.pin(next.id());
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
                firstOverSteady[s] = client.firstLatency / Stats.median(client.steady, client.steadyCount);
                client.phase = 0;
                current = next;
                Thread.sleep(20 + random.nextInt(30));
            }
        } finally {
            client.stop = true;
            client.join(5_000);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("series", name);
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
        out.put("firstOverSteadyMax", Stats.round(Stats.percentile(firstOverSteady, switches, 1.0), 3));
        if (viaPolicy) {
            out.put("bareOrtFirstOverSteadyMedian", Stats.round(bareFirstOverSteady(a, b, family, shape, images,
                switches), 3));
        }
        return out;
    }

    /**
     * The same alternation without the runtime: two bare sessions, the current one run for 20-50 ms, then
     * the first run of the other divided by the median of its next 50 runs.
     */
    private double bareFirstOverSteady(Level a, Level b, ModelFamily family, long[] shape, float[][] images,
                                       int switches) throws Exception {
        Random random = new Random(42);
        double[] ratios = new double[switches];
        long[] steady = new long[50];
        try (BareOrt bareA = new BareOrt(family.model(a.id()), shape);
             BareOrt bareB = new BareOrt(family.model(b.id()), shape)) {
            for (int i = 0; i < 200; i++) {
                sink += bareA.run(images[i % IMAGES])[0] + bareB.run(images[i % IMAGES])[0];
            }
            BareOrt current = bareA;
            int k = 0;
            for (int s = 0; s < switches; s++) {
                long until = System.nanoTime() + (20 + random.nextInt(30)) * 1_000_000L;
                while (System.nanoTime() < until) {
                    sink += current.run(images[k++ % IMAGES])[0];
                }
                BareOrt next = current == bareA ? bareB : bareA;
                long t0 = System.nanoTime();
                sink += next.run(images[k++ % IMAGES])[0];
                long first = System.nanoTime() - t0;
                for (int i = 0; i < steady.length; i++) {
                    long t1 = System.nanoTime();
                    sink += next.run(images[k++ % IMAGES])[0];
                    steady[i] = System.nanoTime() - t1;
                }
                ratios[s] = first / Stats.median(steady, steady.length);
                current = next;
            }
        }
        return Stats.median(ratios, switches);
    }

    float sink() {
        return sink;
    }

    record BenchSettings(String mode, Path sample, long launchEpochMs) {
        boolean quick() {
            return mode.equals("quick");
        }
    }
}
