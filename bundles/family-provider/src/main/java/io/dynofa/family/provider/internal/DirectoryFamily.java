package io.dynofa.family.provider.internal;

import io.dynofa.family.api.LevelSpec;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.inference.api.InputSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A model family whose manifest and level files live in one folder. */
public final class DirectoryFamily implements ModelFamily {
    private final Path folder;
    private final Manifest manifest;

    private DirectoryFamily(Path folder, Manifest manifest) {
        this.folder = folder;
        this.manifest = manifest;
    }

    /**
     * Parses {@code manifestText} (the content of the folder's manifest.json) and verifies that every
     * level file exists and matches its SHA-256.
     */
    public static DirectoryFamily open(Path folder, String manifestText) throws FamilyException {
        DirectoryFamily family = new DirectoryFamily(folder, ManifestReader.read(manifestText));
        for (LevelSpec level : family.levels()) {
            try {
                verify(level, family.sha256Of(level));
            } catch (IOException e) {
                throw new FamilyException(e.getMessage(), e);
            }
        }
        return family;
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
        return bytes;
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
