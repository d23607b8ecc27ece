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
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * Every sub-network the repository ships, loaded through the family provider and the CPU backend
 * (ONNX Runtime, 1 intra-op thread): SHA-256 as in the manifest, and exactly the manifest's accuracy
 * on the shipped sample. {@link FullTestSetCheck} does the same on the full test set.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShippedFamilyIT {
    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return ItSupport.options(getClass(), "api", "onnxruntime", "backend-cpu", "family-provider");
    }

    @Test
    public void everyLevelMatchesItsHashAndSampleAccuracy() throws Exception {
        Path sample = ItSupport.repoModels().resolve("samples/fashion-mnist");
        List<String> mismatches = check(context, sample, 1000, level -> level.sampleTop1(), 1);
        assertEquals("levels whose sample accuracy differs from the manifest", List.of(), mismatches);
    }

    /** The accuracy a level's manifest claims on some image set, in percent. */
    interface Expected {
        double percent(LevelSpec level);
    }

    /** Runs every level of the shipped family over {@code dataDir}'s t10k files; returns the mismatches. */
    static List<String> check(BundleContext context, Path dataDir, int images, Expected expected, int decimals)
        throws Exception {
        return checkLevels(context, dataDir, images, expected, decimals);
    }

    private static List<String> checkLevels(BundleContext context, Path dataDir, int images, Expected expected, int decimals) throws Exception {
        Gateway gateway = new Gateway(context);
        gateway.configure("io.dynofa.family.provider", java.util.Map.of("modelsDir",
            ItSupport.repoModels().toString(), "scanIntervalMs", 200L));
        ModelFamily family = gateway.service(ModelFamily.class);
        DeviceBackend backend = gateway.service(DeviceBackend.class);
        Idx x = IdxReader.readAll(dataDir.resolve("t10k-images-idx3-ubyte.gz"), DimensionCheck.ANY);
        Idx y = IdxReader.readAll(dataDir.resolve("t10k-labels-idx1-ubyte.gz"), DimensionCheck.ANY);
        assertEquals(images, x.count());
        assertFalse(family.levels().isEmpty());
        List<String> mismatches = new ArrayList<>();
        for (LevelSpec level : family.levels()) {
            Path file = ItSupport.repoModels().resolve(family.id()).resolve(level.file());
            assertEquals("SHA-256 of " + file, level.sha256(), Fixtures.sha256(file));
            try (LoadedModel model = backend.load(level.id(), family.model(level.id()))) {
                double percent = 100.0 * correct(model, family.input(), x, y) / images;
                String got = String.format(Locale.ROOT, "%." + decimals + "f", percent);
                String want = String.format(Locale.ROOT, "%." + decimals + "f", expected.percent(level));
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
