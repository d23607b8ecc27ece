package io.dynofa.family.provider.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * One reading of a folder's manifest.json: its text plus the stamp (modification time, size,
 * SHA-256) that tells whether it changed since. A manifest above {@link #MAX_BYTES} is refused
 * without being read: at most {@code MAX_BYTES + 1} bytes are ever read, whatever the file's size.
 */
record ManifestSnapshot(String text, Stamp stamp) {
    /** The largest manifest.json read: 1 MiB (the shipped one, 33 levels, is 37 KB). */
    static final int MAX_BYTES = 1 << 20;

    record Stamp(FileTime modified, long size, String sha256) {
    }

    /** @throws IOException whose message, starting with the file name, says why the manifest cannot be used */
    static ManifestSnapshot read(Path manifest) throws IOException {
        try {
            FileTime modified = Files.getLastModifiedTime(manifest);
            long size = Files.size(manifest);
            if (size > MAX_BYTES) {
                throw new TooLarge(size + " bytes");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(manifest)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw new TooLarge("more than " + MAX_BYTES + " bytes");
            }
            return new ManifestSnapshot(new String(bytes, StandardCharsets.UTF_8),
                new Stamp(modified, bytes.length, Sha256.of(bytes)));
        } catch (TooLarge e) {
            throw e;
        } catch (IOException e) {
            throw new IOException(ManifestReader.FILE_NAME + ": unreadable (" + e + ")", e);
        }
    }

    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(String size) {
            super(ManifestReader.FILE_NAME + " is " + size + ", above the limit of " + MAX_BYTES
                + " bytes (1 MiB): refused without reading it");
        }
    }
}
