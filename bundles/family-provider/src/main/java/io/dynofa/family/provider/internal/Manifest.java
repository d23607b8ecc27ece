package io.dynofa.family.provider.internal;

import io.dynofa.family.api.LevelSpec;
import io.dynofa.inference.api.InputSpec;
import java.util.List;
import java.util.Optional;

/** The validated content of a family's {@code manifest.json}. */
public record Manifest(String familyId, String version, InputSpec input, List<String> labels, List<LevelSpec> levels) {

    public Manifest {
        labels = List.copyOf(labels);
        levels = List.copyOf(levels);
    }

    public Optional<LevelSpec> level(String levelId) {
        return levels.stream().filter(level -> level.id().equals(levelId)).findFirst();
    }
}
