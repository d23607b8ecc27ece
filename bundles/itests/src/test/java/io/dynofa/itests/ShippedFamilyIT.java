package io.dynofa.itests;

import static org.junit.Assert.assertEquals;

import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.family.api.LevelSpec;
import io.dynofa.family.api.ModelFamily;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

/**
 * Every sub-network the repository ships, loaded through the family provider and the CPU backend
 * (ONNX Runtime, 1 intra-op thread): SHA-256 as in the manifest, and exactly the manifest's accuracy
 * on the shipped sample. {@link FullTestSetCheck} does the same on the full test set.
 */
public class ShippedFamilyIT extends GatewayIT {
    /** The bundles that load levels, nothing that serves. */
    static final List<String> LOADING = List.of("api", "onnxruntime", "backend-cpu", "family-provider");

    @Override
    protected List<String> modules() {
        return LOADING;
    }

    @Override
    protected Path modelsDir() {
        return repoModels();
    }

    @Test
    public void everyLevelMatchesItsHashAndSampleAccuracy() throws Exception {
        List<String> mismatches = LevelAccuracy.mismatches(service(ModelFamily.class), service(DeviceBackend.class),
            repoModels().resolve(SAMPLE), 1000, LevelSpec::sampleTop1, 1);
        assertEquals("levels whose sample accuracy differs from the manifest", List.of(), mismatches);
    }
}
