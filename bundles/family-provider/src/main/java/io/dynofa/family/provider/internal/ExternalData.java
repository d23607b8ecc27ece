package io.dynofa.family.provider.internal;

import io.dynofa.onnx.internal.ExternalDataSource;
import io.dynofa.onnx.internal.ExternalRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The external tensor data one level's model may use: only files inside the family folder (after resolving
 * symbolic links) that the manifest lists for the level with their SHA-256, verified before use, at most
 * {@link #MAX_BYTES} in all. One instance serves one {@code model(levelId)} call, so a file several tensors
 * share is read and verified once.
 */
final class ExternalData implements ExternalDataSource {
    /** The most external data one level may inline: 1 GiB (the inlined model must fit one Java array). */
    static final long MAX_BYTES = 1L << 30;

    private final Path folder;
    private final String levelId;
    private final Map<String, ExternalFile> listed;
    private final Map<Path, byte[]> verified = new HashMap<>();
    private final long limit;
    private long budget;

    ExternalData(Path folder, String levelId, List<ExternalFile> listed, long maxBytes) {
        this.folder = folder.toAbsolutePath().normalize();
        this.levelId = levelId;
        this.listed = listed.stream().collect(Collectors.toMap(ExternalFile::file, Function.identity()));
        this.limit = maxBytes;
        this.budget = maxBytes;
    }

    @Override
    public byte[] read(ExternalRef ref) throws IOException {
        Path path = insideFolder(ref);
        ExternalFile file = listed.get(folder.relativize(path).toString());
        if (file == null) {
            throw refused(ref, "is not listed in the manifest with its sha256");
        }
        byte[] content = verified.get(path);
        if (content == null) {
            content = readVerified(ref, path, file);
            verified.put(path, content);
        }
        return slice(ref, content);
    }

    /** The reference as a normalised path inside the family folder, refusing anything else. */
    private Path insideFolder(ExternalRef ref) throws IOException {
        Path relative;
        try {
            relative = Path.of(ref.location());
        } catch (InvalidPathException e) {
            throw refused(ref, "is not a plain relative path");
        }
        if (ref.location().isEmpty() || relative.isAbsolute() || ref.location().contains("\\")) {
            throw refused(ref, "is not a plain relative path");
        }
        Path path = folder.resolve(relative).normalize();
        if (!path.startsWith(folder) || path.equals(folder)) {
            throw refused(ref, "is outside the family folder");
        }
        return path;
    }

    private byte[] readVerified(ExternalRef ref, Path path, ExternalFile file) throws IOException {
        Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            throw refused(ref, "is missing");
        }
        if (!real.startsWith(folder.toRealPath())) {
            throw refused(ref, "is outside the family folder");
        }
        if (!Files.isRegularFile(real)) {
            throw refused(ref, "is not a regular file");
        }
        long size = Files.size(real);
        if (size > budget) {
            throw refused(ref, "is " + size + " bytes: the level's external data would exceed the limit of "
                + limit + " bytes");
        }
        byte[] content;
        try (InputStream in = Files.newInputStream(real)) {
            content = in.readNBytes((int) size);
        }
        String sha256 = Sha256.of(content);
        if (content.length != size || !sha256.equals(file.sha256())) {
            throw refused(ref, "does not match its sha256 in the manifest (expected " + file.sha256().substring(0, 12)
                + "…, found " + sha256.substring(0, 12) + "…)");
        }
        budget -= size;
        return content;
    }

    private byte[] slice(ExternalRef ref, byte[] content) throws IOException {
        long end = ref.length() < 0 ? content.length : ref.offset() + ref.length();
        if (ref.offset() > content.length || end > content.length || end < ref.offset()) {
            throw refused(ref, "holds " + content.length + " bytes but tensor " + ref.tensorText() + " asks for "
                + (ref.length() < 0 ? "bytes from " + ref.offset() : ref.length() + " bytes at " + ref.offset()));
        }
        return ref.offset() == 0 && end == content.length ? content
            : Arrays.copyOfRange(content, (int) ref.offset(), (int) end);
    }

    private IOException refused(ExternalRef ref, String reason) {
        return new IOException("level '" + levelId + "': external data '" + ref.locationText() + "' " + reason);
    }
}
