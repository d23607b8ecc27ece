package io.dynofa.backend.cpu.internal;

import static org.junit.Assert.assertEquals;

import io.dynofa.backend.api.LoadedModel;
import io.dynofa.backend.cpu.internal.IdxReader.Idx;
import io.dynofa.backend.cpu.internal.ShippedFamilies.Shipped;
import io.dynofa.family.api.LevelSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/**
 * The model-family check: every level of every family under {@code models/} loads in ONNX Runtime
 * Java (1 intra-op thread), matches its SHA-256, and gets exactly the manifest's {@code sampleCorrect}
 * top-1 hits on the shipped 1000-image sample. Fails when no family is shipped.
 */
public class ShippedFamilyTest {

    @Test
    public void everyLevelReproducesTheManifestOnTheShippedSample() throws Exception {
        List<Shipped> families = ShippedFamilies.all();
        Path samples = ShippedFamilies.sampleDir();
        Idx images = ShippedFamilies.read(samples, "t10k-images-idx3-ubyte.gz");
        Idx labels = ShippedFamilies.read(samples, "t10k-labels-idx1-ubyte.gz");
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (Shipped shipped : families) {
            for (LevelSpec level : shipped.family().levels()) {
                Number want = shipped.sampleCorrect().get(level.id());
                expected.add(level.id() + " sampleCorrect=" + (want == null ? "(missing)" : want.intValue()));
                try (LoadedModel model = ShippedFamilies.load(shipped.family(), level)) {
                    actual.add(level.id() + " sampleCorrect="
                        + ShippedFamilies.correct(model, shipped.family().input(), images, labels));
                }
            }
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }
}
