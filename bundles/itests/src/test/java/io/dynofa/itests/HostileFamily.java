package io.dynofa.itests;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.dynofa.itests.OnnxBuilder.Data;
import io.dynofa.util.internal.Idx;
import io.dynofa.util.internal.IdxReader;
import io.dynofa.util.internal.IdxReader.DimensionCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

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
        Path shipped = models.resolve(GatewayIT.FAMILY);
        Path folder = Files.createDirectories(models.resolve(ID));
        JsonObject manifest = FamilyFolders.manifest(shipped);
        JsonArray levels = new JsonArray();
        for (JsonObject level : FamilyFolders.levels(manifest, SHIPPED)) {
            String file = level.get("file").getAsString();
            Files.copy(shipped.resolve(file), folder.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            levels.add(level);
        }
        String damagedFrom = SHIPPED.get(SHIPPED.size() - 1);
        JsonObject source = FamilyFolders.levels(manifest, List.of(damagedFrom)).get(0);
        Files.write(folder.resolve("damaged.onnx"), OnnxBuilder.flipClassifierSigns(
            Files.readAllBytes(shipped.resolve(source.get("file").getAsString()))));
        // it claims the best top-1 of the family, so it is on the Pareto front, where levels are shown the sample
        // (a level off the front never serves and is not checked)
        JsonObject damaged = source.deepCopy();
        damaged.addProperty("id", "damaged");
        damaged.addProperty("file", "damaged.onnx");
        damaged.addProperty("top1", 99.9);
        damaged.addProperty("sha256", FamilyFolders.sha256(folder.resolve("damaged.onnx")));
        levels.add(damaged);

        Linear linear = centroids(models.resolve(GatewayIT.SAMPLE));
        Files.write(folder.resolve(EXTERNAL_FILE), OnnxBuilder.littleEndian(linear.weights()));
        double top1 = top1(linear, models.resolve(GatewayIT.SAMPLE));
        JsonObject external = generated(folder, EXTERNAL_LEVEL, top1, OnnxBuilder.classifier(CLASSES,
            Data.external(EXTERNAL_FILE, 0, linear.weights().length * 4L), Data.inline(linear.bias())));
        JsonObject externalFile = new JsonObject();
        externalFile.addProperty("file", EXTERNAL_FILE);
        externalFile.addProperty("sha256", FamilyFolders.sha256(folder.resolve(EXTERNAL_FILE)));
        JsonArray externalData = new JsonArray();
        externalData.add(externalFile);
        external.add("externalData", externalData);
        levels.add(external);
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

        manifest.add("levels", levels);
        manifest.getAsJsonObject("family").addProperty("id", ID);
        FamilyFolders.writeManifest(folder, manifest);
        return linear;
    }

    /** Writes {@code model} as {@code <id>.onnx} and answers its manifest entry. */
    private static JsonObject generated(Path folder, String id, double top1, byte[] model) throws IOException {
        Path file = folder.resolve(id + ".onnx");
        Files.write(file, model);
        double shown = Math.round(top1 * 10) / 10.0;
        JsonObject level = new JsonObject();
        level.addProperty("id", id);
        level.addProperty("series", "ofa");
        level.addProperty("architecture", "built by HostileModelIT");
        level.addProperty("params", OnnxBuilder.PIXELS * CLASSES);
        level.addProperty("macs", OnnxBuilder.PIXELS * CLASSES);
        level.addProperty("top1", shown);
        level.addProperty("sampleTop1", shown);
        level.addProperty("file", id + ".onnx");
        level.addProperty("sha256", FamilyFolders.sha256(file));
        return level;
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
