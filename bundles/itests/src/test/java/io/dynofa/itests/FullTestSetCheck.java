package io.dynofa.itests;

import static org.junit.Assert.assertEquals;

import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.family.api.LevelSpec;
import io.dynofa.family.api.ModelFamily;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

/**
 * Every shipped level reproduces its manifest top-1 on the full 10,000-image Fashion-MNIST test set
 * from Debian's dataset-fashion-mnist. Not part of the default suite (named neither *IT nor Test*: it needs the
 * Debian package and a minute): run it with {@code ./dynofa check-models}.
 */
public class FullTestSetCheck extends GatewayIT {
    private static final Path DEBIAN_DATASET = Path.of("/usr/share/datasets/fashion-mnist");

    @Override
    protected List<String> modules() {
        return ShippedFamilyIT.LOADING;
    }

    @Override
    protected Path modelsDir() {
        return repoModels();
    }

    @Test
    public void everyLevelMatchesItsTestSetAccuracy() throws Exception {
        List<String> mismatches = LevelAccuracy.mismatches(service(ModelFamily.class), service(DeviceBackend.class),
            DEBIAN_DATASET, 10_000, LevelSpec::top1, 2);
        assertEquals("levels whose 10k test-set accuracy differs from the manifest", List.of(), mismatches);
    }
}
