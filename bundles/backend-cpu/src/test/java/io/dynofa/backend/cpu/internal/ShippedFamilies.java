package io.dynofa.backend.cpu.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import ai.onnxruntime.OrtEnvironment;
import io.dynofa.backend.api.LoadedModel;
import io.dynofa.backend.cpu.internal.IdxReader.Idx;
import io.dynofa.family.api.LevelSpec;
import io.dynofa.family.provider.internal.DirectoryFamily;
import io.dynofa.family.provider.internal.Json;
import io.dynofa.family.provider.internal.ManifestReader;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Normalisation;
import io.dynofa.inference.api.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The families under the repository's {@code models/} folder (or {@code -Ddynofa.models.dir}), opened
 * and SHA-verified by the family provider's own reader, and a top-1 counter for their levels.
 */
final class ShippedFamilies {
    static final String MODELS_DIR_PROPERTY = "dynofa.models.dir";

    /** One family plus the per-level manifest values the {@code ModelFamily} API does not carry. */
    record Shipped(DirectoryFamily family, Map<String, Number> sampleCorrect) {
    }

    private ShippedFamilies() {
    }

    static Path modelsDir() {
        return Path.of(System.getProperty(MODELS_DIR_PROPERTY, "../../models")).toAbsolutePath().normalize();
    }

    static Path sampleDir() {
        return modelsDir().resolve("samples/fashion-mnist");
    }

    static List<Shipped> all() throws Exception {
        List<Shipped> shipped = new ArrayList<>();
        try (Stream<Path> folders = Files.list(modelsDir())) {
            for (Path folder : folders.sorted().toList()) {
                Path manifest = folder.resolve(ManifestReader.FILE_NAME);
                if (Files.isRegularFile(manifest)) {
                    String text = Files.readString(manifest, StandardCharsets.UTF_8);
                    shipped.add(new Shipped(DirectoryFamily.open(folder, text), sampleCorrect(text)));
                }
            }
        }
        assertFalse("no model family (*/manifest.json) under " + modelsDir(), shipped.isEmpty());
        return shipped;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Number> sampleCorrect(String manifest) {
        Map<String, Number> byLevel = new LinkedHashMap<>();
        Map<String, Object> root = (Map<String, Object>) Json.parse(manifest);
        for (Object level : (List<Object>) root.get("levels")) {
            Map<String, Object> fields = (Map<String, Object>) level;
            byLevel.put((String) fields.get("id"), (Number) fields.get("sampleCorrect"));
        }
        return byLevel;
    }

    static LoadedModel load(DirectoryFamily family, LevelSpec level) throws Exception {
        return new OrtSessionFactory(OrtEnvironment.getEnvironment(), CpuSettings.defaults())
            .load(family.id() + "/" + level.id(), family.model(level.id()));
    }

    /** Runs every image alone (batch of 1) and counts top-1 hits. */
    static int correct(LoadedModel model, InputSpec spec, Idx images, Idx labels) throws Exception {
        assertEquals("images vs labels", images.count(), labels.count());
        long[] shape = spec.shape();
        shape[0] = 1;
        Normalisation normalisation = spec.normalisation();
        int size = images.sampleSize();
        int channelSize = size / (int) shape[1];
        int correct = 0;
        for (int i = 0; i < images.count(); i++) {
            float[] x = new float[size];
            for (int j = 0; j < size; j++) {
                x[j] = normalisation.apply(images.unsigned(i * size + j), j / channelSize);
            }
            if (model.run(Tensor.ofFloats(x, shape)).argMax() == labels.unsigned(i)) {
                correct++;
            }
        }
        return correct;
    }

    static Idx read(Path dir, String file) throws IOException {
        return IdxReader.read(dir.resolve(file));
    }
}
