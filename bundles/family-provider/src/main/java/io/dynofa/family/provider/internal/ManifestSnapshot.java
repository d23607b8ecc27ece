package io.dynofa.family.provider.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * One reading of a folder's manifest.json: its text plus the stamp (modification time, size,
 * SHA-256) that tells whether it changed since.
 */
record ManifestSnapshot(String text, Stamp stamp) {

    record Stamp(FileTime modified, long size, String sha256) {
    }

    static ManifestSnapshot read(Path manifest) throws IOException {
        FileTime modified = Files.getLastModifiedTime(manifest);
        byte[] bytes = Files.readAllBytes(manifest);
        return new ManifestSnapshot(new String(bytes, StandardCharsets.UTF_8),
            new Stamp(modified, bytes.length, Sha256.of(bytes)));
    }
}
