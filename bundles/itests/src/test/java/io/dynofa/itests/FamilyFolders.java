package io.dynofa.itests;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Edits family folders on disk: copies, renamed and shortened families, corrupted and missing files. */
public final class FamilyFolders {
    private FamilyFolders() {
    }

    /** Copies a folder (one level of files). */
    public static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    /** Deletes a folder and everything in it, if present. */
    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves a family folder in one step, so that the provider never sees it half copied or half deleted. */
    public static void move(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the family in {@code from} at {@code to} under the id {@code id}. */
    public static Path copyAs(Path from, Path to, String id) {
        copy(from, to);
        editManifest(to, manifest -> manifest.getAsJsonObject("family").addProperty("id", id));
        return to;
    }

    /** A copy of the family in {@code from} at {@code to} under the id {@code id}, with its first {@code count}. */
    public static Path copyWithFirstLevels(Path from, Path to, String id, int count) {
        copyAs(from, to, id);
        Set<String> kept = new HashSet<>();
        editManifest(to, manifest -> {
            JsonArray levels = manifest.getAsJsonArray("levels");
            JsonArray first = new JsonArray();
            for (JsonElement level : levels) {
                if (first.size() < count) {
                    first.add(level);
                    kept.add(file(level));
                }
            }
            manifest.add("levels", first);
            for (JsonElement level : levels) {
                if (!kept.contains(file(level))) {
                    deleteFile(to.resolve(file(level)));
                }
            }
        });
        return to;
    }

    /** The first level file named in the manifest of the family in {@code dir}. */
    public static String firstLevelFile(Path dir) {
        return file(manifest(dir).getAsJsonArray("levels").get(0));
    }

    /** Overwrites a level file with bytes that are not a model; optionally fixes its SHA-256 in the manifest. */
    public static void corrupt(Path dir, String file, boolean updateManifestHash) {
        try {
            Files.write(dir.resolve(file), "this is not an ONNX model".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (updateManifestHash) {
            editManifest(dir, manifest -> {
                for (JsonElement level : manifest.getAsJsonArray("levels")) {
                    if (file(level).equals(file)) {
                        level.getAsJsonObject().addProperty("sha256", sha256(dir.resolve(file)));
                    }
                }
            });
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

    /** The manifest of the family in {@code dir}. */
    public static JsonObject manifest(Path dir) {
        try {
            return JsonParser.parseString(Files.readString(dir.resolve("manifest.json"))).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites the manifest of the family in {@code dir} as {@code edit} changes it, in one step. */
    public static void editManifest(Path dir, Consumer<JsonObject> edit) {
        JsonObject manifest = manifest(dir);
        edit.accept(manifest);
        writeManifest(dir, manifest);
    }

    /** Writes {@code manifest} as the manifest of the family in {@code dir}, in one step. */
    public static void writeManifest(Path dir, JsonObject manifest) {
        try {
            Path tmp = dir.resolve("manifest.json.tmp");
            Files.writeString(tmp, manifest.toString());
            Files.move(tmp, dir.resolve("manifest.json"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The levels of {@code manifest} whose ids are {@code ids}, in that order. */
    public static List<JsonObject> levels(JsonObject manifest, List<String> ids) {
        return ids.stream().map(id -> manifest.getAsJsonArray("levels").asList().stream()
            .map(JsonElement::getAsJsonObject).filter(l -> l.get("id").getAsString().equals(id)).findFirst()
            .orElseThrow(() -> new IllegalStateException("no level " + id + " in the manifest"))).toList();
    }

    private static String file(JsonElement level) {
        return level.getAsJsonObject().get("file").getAsString();
    }

    private static void deleteFile(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
