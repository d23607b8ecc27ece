package io.dynofa.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.backend.api.LoadedModel;
import io.dynofa.family.api.LevelSpec;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Normalisation;
import io.dynofa.inference.api.Tensor;
import io.dynofa.util.internal.Idx;
import io.dynofa.util.internal.IdxReader;
import io.dynofa.util.internal.IdxReader.DimensionCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Runs every level of the shipped family, loaded through the family provider and a backend, over an IDX image set
 * and compares its accuracy with the one its manifest claims; checks each file's SHA-256 on the way.
 */
public final class LevelAccuracy {
    private LevelAccuracy() {
    }

    /**
     * The levels whose accuracy on {@code dataDir}'s t10k files, printed with {@code decimals}, differs from
     * {@code expected} (percent).
     */
    public static List<String> mismatches(ModelFamily family, DeviceBackend backend, Path dataDir, int images,
                                          ToDoubleFunction<LevelSpec> expected, int decimals) throws Exception {
        Idx x = IdxReader.readAll(dataDir.resolve("t10k-images-idx3-ubyte.gz"), DimensionCheck.ANY);
        Idx y = IdxReader.readAll(dataDir.resolve("t10k-labels-idx1-ubyte.gz"), DimensionCheck.ANY);
        assertEquals(images, x.count());
        assertFalse(family.levels().isEmpty());
        List<String> mismatches = new ArrayList<>();
        for (LevelSpec level : family.levels()) {
            Path file = GatewayIT.repoModels().resolve(family.id()).resolve(level.file());
            assertEquals("SHA-256 of " + file, level.sha256(), FamilyFolders.sha256(file));
            try (LoadedModel model = backend.load(level.id(), family.model(level.id()))) {
                double percent = 100.0 * correct(model, family.input(), x, y) / images;
                String got = String.format(Locale.ROOT, "%." + decimals + "f", percent);
                String want = String.format(Locale.ROOT, "%." + decimals + "f", expected.applyAsDouble(level));
                if (!got.equals(want)) {
                    mismatches.add(level.id() + ": " + got + "% vs manifest " + want + "%");
                }
            }
        }
        return mismatches;
    }

    private static int correct(LoadedModel model, InputSpec spec, Idx images, Idx labels) throws Exception {
        long[] shape = spec.shape();
        shape[0] = 1;
        Normalisation normalisation = spec.normalisation();
        int size = images.itemSize();
        int channelSize = size / (int) shape[1];
        int correct = 0;
        for (int i = 0; i < images.count(); i++) {
            float[] pixels = new float[size];
            for (int j = 0; j < size; j++) {
                pixels[j] = normalisation.apply(images.unsigned(i * size + j), j / channelSize);
            }
            if (model.run(Tensor.ofFloats(pixels, shape)).argMax() == labels.unsigned(i)) {
                correct++;
            }
        }
        return correct;
    }
}
