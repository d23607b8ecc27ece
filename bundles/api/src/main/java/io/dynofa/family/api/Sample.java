package io.dynofa.family.api;

import io.dynofa.inference.api.Tensor;

/**
 * A family's shipped labelled sample: inputs already normalised as the family's input spec says,
 * with their true labels. Used to check that each level's weights are what the manifest claims
 * ({@link LevelSpec#sampleTop1()}) before it serves, and by the demo camera.
 *
 * @param inputs a batch of {@code labels.length} inputs matching the family's input spec
 * @param labels the true class index of each input
 * @since 1.1
 */
public record Sample(Tensor inputs, int[] labels) {

    public Sample {
        if (inputs.rank() == 0 || inputs.dim(0) != labels.length) {
            throw new IllegalArgumentException("a sample of " + labels.length + " labels needs a batch of as many inputs");
        }
        labels = labels.clone();
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    public int size() {
        return labels.length;
    }
}
