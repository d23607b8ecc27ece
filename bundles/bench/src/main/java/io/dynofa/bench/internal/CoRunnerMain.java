package io.dynofa.bench.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The experiment's co-running DNN application, run outside OSGi as {@code java -cp onnxruntime.jar:bench.jar
 * io.dynofa.bench.internal.CoRunnerMain MODEL.onnx ITEMS [PAUSE_MS]}: one bare ONNX Runtime session of one level
 * (the CPU backend's options, 1 intra-op thread) running batches of ITEMS items back to back, sleeping PAUSE_MS
 * (default 0) between batches, until the process is killed. Prints {@code ready} on standard output once the
 * first batch has run, then every 5 s the number of batches run to standard error.
 */
public final class CoRunnerMain {
    private static final long REPORT_EVERY_NS = 5_000_000_000L;

    private CoRunnerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: CoRunnerMain MODEL.onnx ITEMS [PAUSE_MS]");
        }
        Path model = Path.of(args[0]);
        int items = LevelLatencyMain.items(args[1]);
        long pauseMs = args.length > 2 ? Long.parseLong(args[2]) : 0;
        float[] input = new float[items * 28 * 28];
        Arrays.fill(input, 0.5f);
        try (BareOrt bare = new BareOrt(Files.readAllBytes(model), new long[] {items, 1, 28, 28})) {
            bare.run(input);
            System.out.println("ready");
            System.out.flush();
            long batches = 1;
            long lastReport = System.nanoTime();
            while (true) {
                bare.run(input);
                batches++;
                if (pauseMs > 0) {
                    Thread.sleep(pauseMs);
                }
                if (System.nanoTime() - lastReport > REPORT_EVERY_NS) {
                    System.err.println("co-runner: " + batches + " batches of " + items);
                    lastReport = System.nanoTime();
                }
            }
        }
    }
}
