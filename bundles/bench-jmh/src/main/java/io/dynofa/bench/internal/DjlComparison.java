package io.dynofa.bench.internal;

import com.google.gson.GsonBuilder;
import io.dynofa.inference.api.InferenceService;
import io.dynofa.inference.api.Tensor;
import io.dynofa.policy.api.Level;
import io.dynofa.util.internal.Stats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The DJL rows of {@code ./dynofa bench}: our {@link InferenceService} (the serving bundles in a framework inside
 * this JVM, the level pinned), a bare ONNX Runtime session and a DJL {@link DjlPredictor} on the same level file,
 * same options, at batch 1 and at the frame workload's batch, interleaved in blocks (the order rotating every
 * round) so that the machine's drift falls on all three alike. Writes {@code djl.json} to the folder given.
 */
public final class DjlComparison {
    private static final Path SAMPLE = Path.of("models/samples/fashion-mnist/t10k-images-idx3-ubyte.gz");
    private static final Path FAMILY_DIR = Path.of("models/fmnist-ofa");
    private static final int FRAME_ITEMS = 64;

    private DjlComparison() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        boolean quick = Boolean.getBoolean("dynofa.djl.quick");
        int rounds = quick ? 6 : 20;
        List<Map<String, Object>> rows = new ArrayList<>();
        startDjlFirst();
        try (EmbeddedGateway embedded = EmbeddedGateway.start()) {
            Gateway gateway = embedded.gateway();
            InferenceService service = gateway.service();
            List<Level> levels = gateway.control().levels();
            Workload work = Workload.load(embedded.family(), service.inputSpec().orElseThrow(), SAMPLE);
            for (Level level : List.of(levels.get(0), levels.get(levels.size() - 1))) {
                for (int batch : new int[] {1, FRAME_ITEMS}) {
                    rows.add(compare(embedded, work, level, batch, rounds));
                }
            }
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("djl.json"), new GsonBuilder().setPrettyPrinting().create().toJson(
            Map.of("djlVersion", ai.djl.engine.Engine.getDjlVersion(), "rounds", rounds, "rows", rows)));
        rows.forEach(r -> System.out.println(r));
    }

    /**
     * DJL's engine creates the process's one ONNX Runtime environment with global thread pools and refuses one
     * that exists: it goes first, its global pools at one thread each (every session here has its own threads).
     */
    private static void startDjlFirst() {
        System.setProperty("ai.djl.onnxruntime.num_threads", System.getProperty("ai.djl.onnxruntime.num_threads",
            "1"));
        System.setProperty("ai.djl.onnxruntime.num_interop_threads",
            System.getProperty("ai.djl.onnxruntime.num_interop_threads", "1"));
        ai.djl.engine.Engine.getEngine("OnnxRuntime");
    }

    private static Map<String, Object> compare(EmbeddedGateway embedded, Workload work, Level level, int batch,
                                               int rounds) throws Exception {
        long[] shape = work.shape().clone();
        shape[0] = batch;
        float[][] inputs = batched(work.images(), batch);
        Tensor[] tensors = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            tensors[i] = Tensor.ofFloats(inputs[i], shape);
        }
        Gateway gateway = embedded.gateway();
        gateway.pinAndWait(level, tensors[0]);
        InferenceService service = gateway.service();
        try (BareOrt bare = new BareOrt(embedded.family().model(level.id()), shape);
             DjlPredictor djl = new DjlPredictor(FAMILY_DIR, level.id(), shape)) {
            Call[] calls = {
                i -> service.infer(tensors[i]).output().floats()[0],
                i -> bare.run(inputs[i])[0],
                i -> djl.run(inputs[i])[0]
            };
            int perBlock = batch == 1 ? 200 : 10;
            for (Call call : calls) {
                timed(call, perBlock);
            }
            List<List<Long>> times = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < calls.length; k++) {
                    int which = (round + k) % calls.length;
                    times.get(which).addAll(timed(calls[which], perBlock));
                }
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("level", level.id());
            row.put("batch", batch);
            String[] names = {"ours", "bareOrt", "djl"};
            double[] medians = new double[3];
            for (int k = 0; k < 3; k++) {
                long[] t = times.get(k).stream().mapToLong(Long::longValue).toArray();
                medians[k] = Stats.median(t, t.length) / 1e3;
                row.put(names[k] + "MedianUs", round(medians[k]));
                row.put(names[k] + "P95Us", round(Stats.percentile(t, t.length, 0.95) / 1e3));
                row.put(names[k] + "ItemsPerSecond", round(batch * 1e6 / medians[k]));
            }
            row.put("oursOverDjl", round(medians[0] / medians[2]));
            row.put("djlOverBare", round(medians[2] / medians[1]));
            row.put("oursOverBare", round(medians[0] / medians[1]));
            row.put("requestsEach", times.get(0).size());
            return row;
        }
    }

    /** {@code batch} images in one input, cycling through the workload's. */
    private static float[][] batched(float[][] images, int batch) {
        float[][] inputs = new float[Workload.IMAGES][];
        int size = images[0].length;
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = new float[size * batch];
            for (int b = 0; b < batch; b++) {
                System.arraycopy(images[(i + b) % images.length], 0, inputs[i], b * size, size);
            }
        }
        return inputs;
    }

    private static List<Long> timed(Call call, int n) throws Exception {
        List<Long> nanos = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            call.run(i & (Workload.IMAGES - 1));
            nanos.add(System.nanoTime() - t0);
        }
        return nanos;
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.4g", v));
    }
}
