package io.dynofa.family.provider.internal;

import io.dynofa.family.api.LevelSpec;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.family.api.Sample;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.TensorSpec;
import io.dynofa.onnx.internal.OnnxFormatException;
import io.dynofa.onnx.internal.OnnxModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A model family whose manifest and level files live in one folder (inside the models folder, its parent).
 * Level models are served self-contained: external tensor data is inlined from the files the manifest lists
 * for the level (see {@link ExternalData}), so a backend never reads the file system on a model's behalf.
 */
public final class DirectoryFamily implements ModelFamily {
    private final Path folder;
    private final Path modelsDir;
    private final Manifest manifest;
    private Sample sample;

    private DirectoryFamily(Path folder, Manifest manifest) {
        this.folder = folder.toAbsolutePath().normalize();
        this.modelsDir = this.folder.getParent() == null ? this.folder : this.folder.getParent();
        this.manifest = manifest;
    }

    /**
     * Parses {@code manifestText} (the content of the folder's manifest.json) and verifies that every
     * level file exists and matches its SHA-256, and that the sample (if any) lies inside the models folder.
     */
    public static DirectoryFamily open(Path folder, String manifestText) throws FamilyException {
        DirectoryFamily family = new DirectoryFamily(folder, ManifestReader.read(manifestText));
        Optional<SampleSpec> sample = family.manifest.sample();
        if (sample.isPresent()) {
            family.checkInsideModels("sample.images", sample.get().images());
            family.checkInsideModels("sample.labels", sample.get().labels());
        }
        for (LevelSpec level : family.levels()) {
            try {
                verify(level, family.sha256Of(level));
            } catch (IOException e) {
                throw new FamilyException(e.getMessage(), e);
            }
        }
        return family;
    }

    private void checkInsideModels(String field, String path) throws FamilyException {
        if (!folder.resolve(path).normalize().startsWith(modelsDir)) {
            throw new FamilyException(ManifestReader.FILE_NAME + ": " + field + " \"" + path
                + "\" is outside the models folder " + modelsDir);
        }
    }

    public Path folder() {
        return folder;
    }

    @Override
    public String id() {
        return manifest.familyId();
    }

    @Override
    public String version() {
        return manifest.version();
    }

    @Override
    public InputSpec input() {
        return manifest.input();
    }

    @Override
    public List<String> labels() {
        return manifest.labels();
    }

    @Override
    public List<LevelSpec> levels() {
        return manifest.levels();
    }

    @Override
    public Optional<TensorSpec> output() {
        return Optional.of(manifest.output());
    }

    /** The manifest's sample, read and verified on the first call and kept (a failed read is retried). */
    @Override
    public synchronized Optional<Sample> sample() throws IOException {
        Optional<SampleSpec> spec = manifest.sample();
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        if (sample == null) {
            sample = new SampleReader(folder, modelsDir).read(spec.get(), input(), labels().size());
        }
        return Optional.of(sample);
    }

    /**
     * The level's verified model, self-contained: every tensor referring to external data gets that data
     * inlined, when the manifest lists the file for the level with its SHA-256 and it lies inside the family
     * folder.
     *
     * @throws IOException naming the file or the level and the reason: missing, unreadable, a SHA-256 mismatch,
     *     not an ONNX model, or external data that is refused or unreadable
     */
    @Override
    public byte[] model(String levelId) throws IOException {
        LevelSpec level = manifest.level(levelId).orElseThrow(() -> new IllegalArgumentException(
            "family '" + id() + "' has no level '" + levelId + "' (levels: "
                + levels().stream().map(LevelSpec::id).collect(Collectors.joining(", ")) + ")"));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file(level));
        } catch (IOException e) {
            throw unreadable(level, e);
        }
        verify(level, Sha256.of(bytes));
        ExternalData external = new ExternalData(folder, level.id(), manifest.externalData(level.id()),
            ExternalData.MAX_BYTES);
        try {
            return OnnxModel.inline(bytes, external);
        } catch (OnnxFormatException e) {
            throw new IOException(level.file() + ": " + e.getMessage() + " (level '" + level.id() + "')", e);
        }
    }

    private String sha256Of(LevelSpec level) throws IOException {
        try {
            return Sha256.of(file(level));
        } catch (IOException e) {
            throw unreadable(level, e);
        }
    }

    private Path file(LevelSpec level) {
        return folder.resolve(level.file());
    }

    private static IOException unreadable(LevelSpec level, IOException cause) {
        String reason = cause instanceof NoSuchFileException ? "file missing" : "unreadable (" + cause + ")";
        return new IOException(level.file() + ": " + reason + " (level '" + level.id() + "')", cause);
    }

    private static void verify(LevelSpec level, String actualSha256) throws IOException {
        if (!level.sha256().equals(actualSha256)) {
            throw new IOException(level.file() + ": SHA-256 mismatch (expected " + abbreviated(level.sha256())
                + ", found " + abbreviated(actualSha256) + ")");
        }
    }

    private static String abbreviated(String sha256) {
        return sha256.substring(0, 12) + "…";
    }

    @Override
    public String toString() {
        return "ModelFamily[" + id() + " " + version() + ", " + levels().size() + " levels, " + folder + "]";
    }
}
