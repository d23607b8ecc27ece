package io.dynofa.family.provider.internal;

import io.dynofa.family.api.LevelSpec;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.TensorSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated content of a family's {@code manifest.json}.
 *
 * @param externalData per level id, the files its model may take external tensor data from (levels without
 *     any are absent)
 */
public record Manifest(String familyId, String version, InputSpec input, TensorSpec output, List<String> labels,
                       List<LevelSpec> levels, Map<String, List<ExternalFile>> externalData,
                       Optional<SampleSpec> sample) {

    public Manifest {
        labels = List.copyOf(labels);
        levels = List.copyOf(levels);
        externalData = Map.copyOf(externalData);
    }

    public Optional<LevelSpec> level(String levelId) {
        return levels.stream().filter(level -> level.id().equals(levelId)).findFirst();
    }

    /** The files level {@code levelId} may take external data from; empty when the manifest lists none. */
    public List<ExternalFile> externalData(String levelId) {
        return externalData.getOrDefault(levelId, List.of());
    }
}
