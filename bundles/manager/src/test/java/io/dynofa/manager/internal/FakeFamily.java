package io.dynofa.manager.internal;

import io.dynofa.family.api.LevelSpec;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.family.api.Sample;
import io.dynofa.inference.api.DType;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Normalisation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/** A family of float32 [N, 1, 2, 2] classifiers; its "model bytes" are {@code levelId:position}. */
final class FakeFamily implements ModelFamily {
    static final long[] SHAPE = {-1, 1, 2, 2};

    private final String id;
    private final List<LevelSpec> levels = new ArrayList<>();
    private final Set<String> corrupt = new HashSet<>();
    private Sample sample;

    FakeFamily(String id) {
        this.id = id;
    }

    FakeFamily level(String levelId, double top1) {
        return levelWithHash(levelId, top1, "sha-of-" + levelId);
    }

    /** A level whose manifest claims {@code sampleTop1} on the sample (see {@link #sampleOf}). */
    FakeFamily level(String levelId, double top1, double sampleTop1) {
        levels.add(new LevelSpec(levelId, "ofa", "fake", 1_000, 1_000, top1, sampleTop1, levelId + ".onnx",
            "sha-of-" + levelId));
        return this;
    }

    /**
     * Ships a labelled sample of {@code images} inputs all of class {@code label}: a level whose fake model
     * answers that class (its position in the family) scores 100 %, any other 0 %.
     */
    FakeFamily sampleOf(int images, int label) {
        int[] labels = new int[images];
        java.util.Arrays.fill(labels, label);
        sample = new Sample(io.dynofa.inference.api.Tensor.ofFloats(new float[images * 4], images, 1, 2, 2), labels);
        return this;
    }

    @Override
    public java.util.Optional<Sample> sample() {
        return java.util.Optional.ofNullable(sample);
    }

    /** A level whose model file has the SHA-256 {@code sha256} (another file than {@link #level}'s). */
    FakeFamily levelWithHash(String levelId, double top1, String sha256) {
        levels.add(new LevelSpec(levelId, "ofa", "fake", 1_000, 1_000, top1, top1, levelId + ".onnx", sha256));
        return this;
    }

    /** {@link #model} fails for {@code levelId} as for a file whose hash does not match. */
    FakeFamily corrupt(String levelId) {
        corrupt.add(levelId);
        return this;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String version() {
        return "test";
    }

    @Override
    public InputSpec input() {
        return new InputSpec("input", SHAPE, "NCHW", DType.FLOAT32,
            new Normalisation(1 / 255.0, new double[] {0.5}, new double[] {0.25}));
    }

    @Override
    public List<String> labels() {
        return IntStream.range(0, FakeBackend.CLASSES).mapToObj(i -> "class-" + i).toList();
    }

    @Override
    public List<LevelSpec> levels() {
        return List.copyOf(levels);
    }

    @Override
    public byte[] model(String levelId) throws IOException {
        int position = IntStream.range(0, levels.size()).filter(i -> levels.get(i).id().equals(levelId))
            .findFirst().orElseThrow(() -> new IllegalArgumentException("no level " + levelId));
        if (corrupt.contains(levelId)) {
            throw new IOException(levelId + ".onnx: SHA-256 does not match the manifest");
        }
        return (levelId + ":" + position).getBytes(StandardCharsets.UTF_8);
    }
}
