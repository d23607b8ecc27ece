package io.dynofa.itests;

import io.dynofa.itests.OnnxBuilder.Data;
import io.dynofa.util.internal.Idx;
import io.dynofa.util.internal.IdxReader;
import io.dynofa.util.internal.IdxReader.DimensionCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a family folder beside the shipped one (same input, output, labels and sample) whose good levels are
 * copies of a few shipped levels, plus levels built in the test that must never serve: external data outside
 * the folder, the wrong class count, NaN weights, damaged weights, a level too slow to load. One level takes its
 * weights from a listed, hashed file inside the folder and must serve. Every file's SHA-256 is in the manifest,
 * so each hostile level gets past the hash and is caught by what follows it.
 */
public final class HostileFamily {
    public static final String ID = "hostile";
    public static final String TRAVERSAL = "../../../../../../etc/passwd";
    public static final String TRAVERSAL_LEVEL = "evil-traversal";
    public static final String EXTERNAL_LEVEL = "external-ok";
    public static final String EXTERNAL_FILE = "external-ok.weights";
    /** Shipped levels copied in, so the family still serves. */
    public static final List<String> SHIPPED = List.of("ofa-01", "ofa-05", "ofa-10");
    /** Sample images each level classifies at load (the manager's default sampleCheckSize). */
    private static final int CHECKED_IMAGES = 200;
    private static final int CLASSES = 10;

    /** The weights and bias of the level that takes its weights from external data inside the folder. */
    public record Linear(float[] weights, float[] bias) {
        /** {@code x . W + b} for one image of 784 normalised pixels. */
        public float[] logits(float[] x) {
            float[] out = bias.clone();
            for (int p = 0; p < x.length; p++) {
                for (int c = 0; c < out.length; c++) {
                    out[c] += x[p] * weights[p * out.length + c];
                }
            }
            return out;
        }
    }

    private HostileFamily() {
    }

    /**
     * Writes {@code <models>/hostile} (the manifest last, so the provider never sees it half-written).
     *
     * @return the level that serves from external data, to check its outputs against
     */
    public static Linear write(Path models) throws IOException {
        Path shipped = models.resolve(ItSupport.FAMILY);
        Path folder = Files.createDirectories(models.resolve(ID));
        String manifest = Files.readString(shipped.resolve("manifest.json"));
        List<String> levels = new ArrayList<>();
        for (String id : SHIPPED) {
            Files.copy(shipped.resolve(id + ".onnx"), folder.resolve(id + ".onnx"),
                StandardCopyOption.REPLACE_EXISTING);
            levels.add(entry(manifest, id));
        }
        String damagedFrom = SHIPPED.get(SHIPPED.size() - 1);
        Files.write(folder.resolve("damaged.onnx"),
            OnnxBuilder.flipClassifierSigns(Files.readAllBytes(shipped.resolve(damagedFrom + ".onnx"))));
        // it claims the best top-1 of the family, so it is on the Pareto front, where levels are shown the sample
        // (a level off the front never serves and is not checked)
        levels.add(entry(manifest, damagedFrom).replace("\"" + damagedFrom + "\"", "\"damaged\"")
            .replace("\"" + damagedFrom + ".onnx\"", "\"damaged.onnx\"")
            .replaceFirst("\"top1\": [0-9.]+", "\"top1\": 99.9")
            .replaceFirst("\"sha256\": \"[0-9a-f]{64}\"",
                "\"sha256\": \"" + Fixtures.sha256(folder.resolve("damaged.onnx")) + "\""));

        Linear linear = centroids(models.resolve(ItSupport.SAMPLE));
        Files.write(folder.resolve(EXTERNAL_FILE), OnnxBuilder.littleEndian(linear.weights()));
        double top1 = top1(linear, models.resolve(ItSupport.SAMPLE));
        String external = generated(folder, EXTERNAL_LEVEL, top1, OnnxBuilder.classifier(CLASSES,
            Data.external(EXTERNAL_FILE, 0, linear.weights().length * 4L), Data.inline(linear.bias())));
        levels.add(external.substring(0, external.length() - 1) + ", \"externalData\": [{\"file\": \""
            + EXTERNAL_FILE + "\", \"sha256\": \"" + Fixtures.sha256(folder.resolve(EXTERNAL_FILE)) + "\"}]}");
        levels.add(generated(folder, TRAVERSAL_LEVEL, top1, OnnxBuilder.classifier(CLASSES,
            Data.inline(new float[OnnxBuilder.PIXELS * CLASSES]), Data.external(TRAVERSAL, 0, CLASSES * 4))));
        for (int classes : new int[] {5, 1000}) {
            levels.add(generated(folder, "classes-" + classes, top1, OnnxBuilder.classifier(classes,
                Data.inline(new float[OnnxBuilder.PIXELS * classes]), Data.inline(new float[classes]))));
        }
        float[] nan = new float[OnnxBuilder.PIXELS * CLASSES];
        Arrays.fill(nan, Float.NaN);
        levels.add(generated(folder, "nan", top1, OnnxBuilder.classifier(CLASSES, Data.inline(nan),
            Data.inline(new float[CLASSES]))));
        levels.add(generated(folder, "slow", top1, OnnxBuilder.slow(4)));

        String text = levelsReplaced(manifest, String.join(",\n", levels))
            .replaceFirst("(\"family\": \\{\\s*\"id\": \")[^\"]+\"", "$1" + ID + "\"");
        Path tmp = folder.resolve("manifest.json.tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, folder.resolve("manifest.json"), StandardCopyOption.ATOMIC_MOVE);
        return linear;
    }

    /** The shipped manifest's entry of level {@code id}, verbatim. */
    private static String entry(String manifest, String id) {
        int idAt = manifest.indexOf("\"id\": \"" + id + "\"");
        int start = manifest.lastIndexOf('{', idAt);
        int depth = 0;
        for (int i = start; i < manifest.length(); i++) {
            depth += manifest.charAt(i) == '{' ? 1 : manifest.charAt(i) == '}' ? -1 : 0;
            if (depth == 0) {
                return manifest.substring(start, i + 1);
            }
        }
        throw new IllegalStateException("no level " + id + " in the shipped manifest");
    }

    private static String levelsReplaced(String manifest, String levels) {
        Matcher m = Pattern.compile("\"levels\": \\[").matcher(manifest);
        if (!m.find()) {
            throw new IllegalStateException("no levels in the shipped manifest");
        }
        int depth = 0;
        for (int i = m.end() - 1; i < manifest.length(); i++) {
            depth += manifest.charAt(i) == '[' ? 1 : manifest.charAt(i) == ']' ? -1 : 0;
            if (depth == 0) {
                return manifest.substring(0, m.end()) + levels + manifest.substring(i);
            }
        }
        throw new IllegalStateException("unterminated levels in the shipped manifest");
    }

    /** Writes {@code model} as {@code <id>.onnx} and answers its manifest entry (one line, ends in '}'). */
    private static String generated(Path folder, String id, double top1, byte[] model) throws IOException {
        Path file = folder.resolve(id + ".onnx");
        Files.write(file, model);
        return String.format(Locale.ROOT, "{\"id\": \"%s\", \"series\": \"ofa\", \"architecture\": \"built by "
            + "HostileModelIT\", \"params\": %d, \"macs\": %d, \"top1\": %.1f, \"sampleTop1\": %.1f, \"file\": "
            + "\"%s\", \"sha256\": \"%s\"}", id, OnnxBuilder.PIXELS * CLASSES, OnnxBuilder.PIXELS * CLASSES, top1,
            top1, id + ".onnx", Fixtures.sha256(file));
    }

    /**
     * A nearest-centroid classifier of the shipped sample (class means as weights): a real, if modest,
     * classifier whose sample top-1 can be stated in the manifest.
     */
    private static Linear centroids(Path sample) throws IOException {
        Idx images = IdxReader.readAll(sample.resolve("t10k-images-idx3-ubyte.gz"), DimensionCheck.ANY);
        Idx labels = IdxReader.readAll(sample.resolve("t10k-labels-idx1-ubyte.gz"), DimensionCheck.ANY);
        float[] weights = new float[OnnxBuilder.PIXELS * CLASSES];
        int[] counts = new int[CLASSES];
        for (int i = 0; i < images.count(); i++) {
            int c = labels.unsigned(i);
            counts[c]++;
            float[] x = pixels(images, i);
            for (int p = 0; p < x.length; p++) {
                weights[p * CLASSES + c] += x[p];
            }
        }
        float[] bias = new float[CLASSES];
        for (int c = 0; c < CLASSES; c++) {
            for (int p = 0; p < OnnxBuilder.PIXELS; p++) {
                weights[p * CLASSES + c] /= Math.max(1, counts[c]);
                bias[c] -= 0.5f * weights[p * CLASSES + c] * weights[p * CLASSES + c];
            }
        }
        return new Linear(weights, bias);
    }

    /** The classifier's top-1 on the images the runtime checks at load, in percent. */
    private static double top1(Linear linear, Path sample) throws IOException {
        Idx images = IdxReader.readAll(sample.resolve("t10k-images-idx3-ubyte.gz"), DimensionCheck.ANY);
        Idx labels = IdxReader.readAll(sample.resolve("t10k-labels-idx1-ubyte.gz"), DimensionCheck.ANY);
        int correct = 0;
        for (int i = 0; i < CHECKED_IMAGES; i++) {
            correct += argMax(linear.logits(pixels(images, i))) == labels.unsigned(i) ? 1 : 0;
        }
        return 100.0 * correct / CHECKED_IMAGES;
    }

    /** Image {@code i} normalised as the shipped family's input spec says (pixel / 255). */
    public static float[] pixels(Idx images, int i) {
        float[] x = new float[OnnxBuilder.PIXELS];
        for (int p = 0; p < x.length; p++) {
            x[p] = images.unsigned(i * OnnxBuilder.PIXELS + p) / 255f;
        }
        return x;
    }

    public static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            best = values[i] > values[best] ? i : best;
        }
        return best;
    }
}
