package io.dynofa.bench.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Per-level batch latency for the experiment's sizing and oracle, run outside OSGi as {@code java -cp
 * onnxruntime.jar:bench.jar io.dynofa.bench.internal.LevelLatencyMain ITEMS RUNS MODEL.onnx...}: for each model,
 * one bare ONNX Runtime session (the CPU backend's options), 2 warm-up batches of ITEMS items, then RUNS timed
 * batches; prints one JSON line per model: {@code {"model":"ofa-24.onnx","items":64,"ms":[...]}}.
 */
public final class LevelLatencyMain {
    private static final int MAX_ITEMS = 4096;
    private static final int MAX_RUNS = 100_000;
    private static final int WARM_UP = 2;

    private LevelLatencyMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: LevelLatencyMain ITEMS RUNS MODEL.onnx...");
        }
        int items = items(args[0]);
        int runs = Integer.parseInt(args[1]);
        if (runs < 1 || runs > MAX_RUNS) {
            throw new IllegalArgumentException("RUNS must be 1-" + MAX_RUNS + ", got " + runs);
        }
        float[] input = new float[items * 28 * 28];
        Arrays.fill(input, 0.5f);
        for (int m = 2; m < args.length; m++) {
            Path model = Path.of(args[m]);
            try (BareOrt bare = new BareOrt(Files.readAllBytes(model), new long[] {items, 1, 28, 28})) {
                for (int i = 0; i < WARM_UP; i++) {
                    bare.run(input);
                }
                StringBuilder line = new StringBuilder("{\"model\":\"").append(model.getFileName())
                    .append("\",\"items\":").append(items).append(",\"ms\":[");
                for (int i = 0; i < runs; i++) {
                    long t0 = System.nanoTime();
                    bare.run(input);
                    line.append(i == 0 ? "" : ",").append(Math.round((System.nanoTime() - t0) / 1e3) / 1e3);
                }
                System.out.println(line.append("]}"));
                System.out.flush();
            }
        }
    }

    /** The batch size argument, 1-4096. */
    static int items(String text) {
        int items = Integer.parseInt(text);
        if (items < 1 || items > MAX_ITEMS) {
            throw new IllegalArgumentException("ITEMS must be 1-" + MAX_ITEMS + ", got " + text);
        }
        return items;
    }
}
