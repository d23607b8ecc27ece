package io.dynofa.bench.internal;

import ai.onnxruntime.OrtEnvironment;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.dynofa.backend.api.LoadedModel;
import io.dynofa.inference.api.Tensor;
import io.dynofa.ort.internal.ExecutionMode;
import io.dynofa.ort.internal.ExecutionProvider;
import io.dynofa.ort.internal.OptimizationLevel;
import io.dynofa.ort.internal.OrtSessionFactory;
import io.dynofa.ort.internal.OrtSettings;
import io.dynofa.util.internal.Stats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bare memory ladder, run outside OSGi as {@code java [-XX:NativeMemoryTracking=summary] -cp
 * onnxruntime.jar:api.jar:bench.jar:gson.jar io.dynofa.bench.internal.MemoryLadderMain FAMILY_DIR PARETO_IDS
 * [arena=on|off] [runs=N]}: in one JVM, ONNX Runtime sessions made by the CPU backend's own
 * session factory ({@link OrtSessionFactory}, its default settings: 1 intra-op thread, ALL_OPT, sequential; the arena
 * as asked) are opened in steps — none (the environment only), the largest of the Pareto levels
 * PARETO_IDS (comma-separated, smallest first), all of them, then every level of the family's manifest — each new
 * session run once at batch 1, and the process's memory ({@link MemorySnapshot}) taken after each step. Then the
 * smallest and largest Pareto level are timed (RUNS runs each, batch 1). Prints one JSON object.
 */
public final class MemoryLadderMain {
    private static final int MAX_RUNS = 100_000;

    private MemoryLadderMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException(
                "usage: MemoryLadderMain FAMILY_DIR PARETO_IDS [arena=on|off] [runs=N]");
        }
        Path dir = Path.of(args[0]);
        List<String> pareto = List.of(args[1].split(","));
        Map<String, String> options = options(Arrays.copyOfRange(args, 2, args.length));
        boolean arena = onOff(options, "arena", true);
        int runs = Integer.parseInt(options.getOrDefault("runs", "2000"));
        if (runs < 1 || runs > MAX_RUNS) {
            throw new IllegalArgumentException("runs must be 1-" + MAX_RUNS + ", got " + runs);
        }
        Map<String, Path> files = levelFiles(dir);
        for (String id : pareto) {
            if (!files.containsKey(id)) {
                throw new IllegalArgumentException("level '" + id + "' is not in " + dir.resolve("manifest.json"));
            }
        }

        List<Map<String, Object>> steps = new ArrayList<>();
        steps.add(step("JVM, ONNX Runtime not loaded", 0, MemorySnapshot.take()));
        OrtSettings settings = new OrtSettings("cpu", 1, 1, OptimizationLevel.ALL_OPT, arena,
            ExecutionMode.SEQUENTIAL, false);
        OrtSessionFactory factory = new OrtSessionFactory(OrtEnvironment.getEnvironment(), settings,
            ExecutionProvider.CPU);
        Tensor input = Tensor.ofFloats(filled(28 * 28), 1, 1, 28, 28);
        Map<String, LoadedModel> open = new LinkedHashMap<>();
        try {
            steps.add(step("ONNX Runtime environment, no session", 0, MemorySnapshot.take()));
            String largest = pareto.get(pareto.size() - 1);
            openAndRun(factory, files, List.of(largest), open, input);
            steps.add(step("1 session: the largest Pareto level " + largest, open.size(), MemorySnapshot.take()));
            openAndRun(factory, files, pareto, open, input);
            steps.add(step("the Pareto set (" + pareto.size() + " levels)", open.size(), MemorySnapshot.take()));
            openAndRun(factory, files, List.copyOf(files.keySet()), open, input);
            steps.add(step("every level of the family (" + files.size() + ")", open.size(), MemorySnapshot.take()));

            Map<String, Object> out = new LinkedHashMap<>();
            out.put("arena", arena);
            out.put("nmt", steps.get(0).get("nmt") != null);
            out.put("steps", steps);
            out.put("latency", latency(open, pareto, input, runs));
            System.out.print(ReportJson.write(out));
        } finally {
            open.values().forEach(LoadedModel::close);
        }
    }

    private static Map<String, Object> step(String what, int sessions, MemorySnapshot snapshot) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("step", what);
        step.put("sessions", sessions);
        step.putAll(snapshot.toMap());
        return step;
    }

    private static void openAndRun(OrtSessionFactory factory, Map<String, Path> files, List<String> ids,
                                   Map<String, LoadedModel> open, Tensor input) throws Exception {
        for (String id : ids) {
            if (!open.containsKey(id)) {
                LoadedModel model = factory.load(id, Files.readAllBytes(files.get(id)));
                open.put(id, model);
                model.run(input);
            }
        }
    }

    /** Median µs per run (batch 1) of the smallest and the largest Pareto level, in alternating blocks. */
    private static Map<String, Object> latency(Map<String, LoadedModel> open, List<String> pareto, Tensor input,
                                               int runs) throws Exception {
        List<String> timed = List.of(pareto.get(0), pareto.get(pareto.size() - 1));
        Map<String, Object> out = new LinkedHashMap<>();
        int block = Math.max(1, runs / 10);
        for (String id : timed) {
            for (int i = 0; i < Math.min(runs, 200); i++) {
                open.get(id).run(input);
            }
        }
        long[][] times = new long[timed.size()][runs];
        for (int done = 0; done < runs; done += block) {
            for (int t = 0; t < timed.size(); t++) {
                LoadedModel model = open.get(timed.get(t));
                for (int i = done; i < Math.min(runs, done + block); i++) {
                    long t0 = System.nanoTime();
                    model.run(input);
                    times[t][i] = System.nanoTime() - t0;
                }
            }
        }
        for (int t = 0; t < timed.size(); t++) {
            out.put(timed.get(t) + "MedianUs", Stats.round(Stats.median(times[t], runs) / 1e3, 2));
        }
        out.put("runs", runs);
        return out;
    }

    /** Level id to ONNX file, in the manifest's order. */
    static Map<String, Path> levelFiles(Path dir) throws Exception {
        JsonObject manifest = JsonParser.parseString(Files.readString(dir.resolve("manifest.json"))).getAsJsonObject();
        Map<String, Path> files = new LinkedHashMap<>();
        for (JsonElement e : manifest.getAsJsonArray("levels")) {
            JsonObject level = e.getAsJsonObject();
            Path file = dir.resolve(level.get("file").getAsString()).normalize();
            if (!file.startsWith(dir.normalize())) {
                throw new IllegalArgumentException("level file outside the family folder: " + file);
            }
            files.put(level.get("id").getAsString(), file);
        }
        return files;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("options are KEY=VALUE (arena, runs), got '" + a + "'");
            }
            String key = a.substring(0, eq);
            if (!List.of("arena", "runs").contains(key)) {
                throw new IllegalArgumentException("unknown option '" + key + "' (arena, runs)");
            }
            options.put(key, a.substring(eq + 1));
        }
        return options;
    }

    private static boolean onOff(Map<String, String> options, String key, boolean fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        return switch (v) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(key + " must be on or off, got '" + v + "'");
        };
    }

    private static float[] filled(int n) {
        float[] a = new float[n];
        Arrays.fill(a, 0.5f);
        return a;
    }
}
