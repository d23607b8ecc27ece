package io.dynofa.bench.internal;

import io.dynofa.inference.api.InferenceService;
import io.dynofa.inference.api.Tensor;
import io.dynofa.policy.api.Level;
import io.dynofa.util.internal.Stats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inference service against a bare ORT session of the same level, on the same thread: first their
 * outputs are compared, then the service, the bare session and the bare session with a reused input are
 * timed in interleaved blocks (the order rotating each round), and their allocation per call is measured.
 */
final class OverheadMeasurement {
    private static final String[] NAMES = {"service", "bareOrt", "bareOrtReusedInput"};

    private final Gateway gateway;
    private final Workload work;
    private final BenchSettings settings;
    private final Sink sink;
    private final AllocationMeter allocation;

    OverheadMeasurement(Gateway gateway, Workload work, BenchSettings settings, Sink sink) {
        this.gateway = gateway;
        this.work = work;
        this.settings = settings;
        this.sink = sink;
        this.allocation = new AllocationMeter(sink);
    }

    /** Pins {@code level}, then measures it; {@code which} names the level in the report. */
    Map<String, Object> measure(String which, Level level) throws Exception {
        InferenceService service = gateway.service();
        Tensor[] tensors = work.tensors();
        float[][] images = work.images();
        gateway.pinAndWait(level, tensors[0]);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("which", which);
        out.put("level", level.id());
        try (BareOrt bare = new BareOrt(work.family().model(level.id()), work.shape())) {
            compareOutputs(bare, out);
            Call[] calls = {
                i -> service.infer(tensors[i % Workload.IMAGES]).output().floats()[0],
                i -> bare.run(images[i % Workload.IMAGES])[0],
                i -> bare.runReused(images[i % Workload.IMAGES])[0],
            };
            time(calls, out);
        }
        return out;
    }

    /** The largest difference between the service's logits and bare ORT's, and bare ORT's logits. */
    private void compareOutputs(BareOrt bare, Map<String, Object> out) throws Exception {
        float maxDiff = 0;
        List<float[]> reference = new ArrayList<>();
        for (int i = 0; i < Workload.IMAGES; i++) {
            float[] ours = gateway.service().infer(work.tensors()[i]).output().floats();
            float[] theirs = bare.run(work.images()[i]);
            reference.add(theirs);
            for (int k = 0; k < ours.length; k++) {
                maxDiff = Math.max(maxDiff, Math.abs(ours[k] - theirs[k]));
            }
        }
        out.put("maxAbsDiffServiceVsBare", maxDiff);
        out.put("ortLogits", reference);
    }

    /** Warms each call up, then times them in interleaved blocks; {@code calls[0]} is the service, [1] bare ORT. */
    private void time(Call[] calls, Map<String, Object> out) throws Exception {
        int rounds = settings.quick() ? 12 : 40;
        int block = settings.quick() ? 150 : 250;
        for (Call call : calls) {
            for (int i = 0; i < (settings.quick() ? 800 : 3000); i++) {
                sink.add(call.run(i));
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
                    sink.add(call.run(i));
                    times[v][filled[v]++] = System.nanoTime() - t0;
                }
                blockMedians[v][r] = Stats.median(Arrays.copyOfRange(times[v], start, filled[v]), block);
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
            m.put("allocBytesPerCall", allocation.bytesPerCall(calls[v], settings.quick() ? 2000 : 10000));
            out.put(NAMES[v], m);
        }
        double ratio = Stats.median(times[0], filled[0]) / Stats.median(times[1], filled[1]);
        out.put("ratio", Stats.round(ratio, 4));
        out.put("ratioMedianOfRounds", Stats.round(Stats.median(roundRatios, rounds), 4));
        out.put("ratioVsReusedInput", Stats.round(Stats.median(times[0], filled[0])
            / Stats.median(times[2], filled[2]), 4));
        out.put("rounds", rounds);
        out.put("blockSize", block);
    }
}
