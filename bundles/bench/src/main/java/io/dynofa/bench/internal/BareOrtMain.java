package io.dynofa.bench.internal;

import io.dynofa.util.internal.Stats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Memory baseline, run outside OSGi as {@code java -cp onnxruntime.jar:bench.jar:gson.jar
 * io.dynofa.bench.internal.BareOrtMain MODEL.onnx RUNS}: a bare JVM with one ORT session of one level,
 * run RUNS times at batch 1; prints one JSON object with VmRSS (kB) and the median latency.
 */
public final class BareOrtMain {
    private BareOrtMain() {
    }

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        long rssStart = Probes.rssKb();
        float[] input = new float[28 * 28];
        Arrays.fill(input, 0.5f);
        long[] times = new long[runs];
        try (BareOrt bare = new BareOrt(Files.readAllBytes(model), new long[] {1, 1, 28, 28})) {
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                bare.run(input);
                times[i] = System.nanoTime() - t0;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", model.getFileName().toString());
            out.put("runs", runs);
            out.put("rssKbJvmStart", rssStart);
            out.put("rssKb", Probes.rssKb());
            out.put("hwmKb", Probes.statusKb("VmHWM:")[0]);
            out.put("medianUs", Stats.round(Stats.median(times, runs) / 1e3, 1));
            System.out.print(ReportJson.write(out));
        }
    }
}
