package io.dynofa.backend.cpu.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import io.dynofa.backend.api.LoadedModel;
import io.dynofa.backend.cpu.internal.IdxReader.Idx;
import io.dynofa.backend.cpu.internal.ShippedFamilies.Shipped;
import io.dynofa.family.api.LevelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.Test;

/**
 * Reproduces every level's full test-set top-1 (the manifest's {@code top1}) in Java on the
 * 10,000-image Fashion-MNIST test set; skipped where the Debian data set is not installed.
 */
public class TestSetAccuracyCheck {
    private static final Path DATASET = Path.of(System.getProperty("dynofa.fashion-mnist.dir",
        "/usr/share/datasets/fashion-mnist"));

    @Test
    public void everyLevelReproducesTheManifestTop1OnTheFullTestSet() throws Exception {
        Path imagesFile = DATASET.resolve("t10k-images-idx3-ubyte.gz");
        assumeTrue("Fashion-MNIST not installed at " + DATASET, Files.isRegularFile(imagesFile));
        Idx images = ShippedFamilies.read(DATASET, "t10k-images-idx3-ubyte.gz");
        Idx labels = ShippedFamilies.read(DATASET, "t10k-labels-idx1-ubyte.gz");
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (Shipped shipped : ShippedFamilies.all()) {
            for (LevelSpec level : shipped.family().levels()) {
                expected.add(level.id() + " top1=" + String.format(Locale.ROOT, "%.2f", level.top1()));
                try (LoadedModel model = ShippedFamilies.load(shipped.family(), level)) {
                    int correct = ShippedFamilies.correct(model, shipped.family().input(), images, labels);
                    double top1 = 100.0 * correct / images.count();
                    actual.add(level.id() + " top1=" + String.format(Locale.ROOT, "%.2f", top1));
                }
            }
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }
}
