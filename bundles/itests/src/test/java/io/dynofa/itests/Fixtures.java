package io.dynofa.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Edits family folders on disk: renamed copies, corrupted and missing files. */
public final class Fixtures {
    private static final Pattern FAMILY_ID = Pattern.compile("(\"family\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*\")[^\"]+\"");

    private Fixtures() {
    }

    /** Gives the family in {@code dir} a new id (its manifest is rewritten in place). */
    public static void rewriteFamilyId(Path dir, String id) {
        String manifest = read(dir.resolve("manifest.json"));
        Matcher m = FAMILY_ID.matcher(manifest);
        if (!m.find()) {
            throw new IllegalStateException("no family id in " + dir);
        }
        write(dir.resolve("manifest.json"), m.replaceFirst(Matcher.quoteReplacement(m.group(1) + id + "\"")));
    }

    /** The first level file named in the manifest. */
    public static String firstLevelFile(Path dir) {
        Matcher m = Pattern.compile("\"file\"\\s*:\\s*\"([^\"]+)\"").matcher(read(dir.resolve("manifest.json")));
        if (!m.find()) {
            throw new IllegalStateException("no level file in " + dir);
        }
        return m.group(1);
    }

    /** Overwrites a level file with bytes that are not a model; optionally fixes its SHA-256 in the manifest. */
    public static void corrupt(Path dir, String file, boolean updateManifestHash) {
        Path model = dir.resolve(file);
        String oldHash = sha256(model);
        byte[] garbage = "this is not an ONNX model".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            Files.write(model, garbage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (updateManifestHash) {
            Path manifest = dir.resolve("manifest.json");
            write(manifest, read(manifest).replace(oldHash, sha256(model)));
        }
    }

    public static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path p, String text) {
        try {
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
