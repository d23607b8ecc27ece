package io.dynofa.profiler.internal;

import io.dynofa.profile.api.LatencyProfile;
import io.dynofa.profile.api.ProfileStore;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Profiles as files: {@code <profilesDir>/<familyId>/<backendId>.json}, with the plot ({@code .png})
 * and the report ({@code .md}) written beside on every save. Counts its revisions (one per save or change of
 * folder) and tells {@code onRevision}, so that its registration can publish {@link ProfileStore#REVISION}
 * ({@link ProfileStoreComponent}). Thread-safe.
 */
final class FileProfileStore implements ProfileStore {
    private static final Logger LOG = System.getLogger(FileProfileStore.class.getName());

    private final AtomicLong revision = new AtomicLong();
    private final Runnable onRevision;
    private volatile Path dir;

    /** A store on {@code dir} that tells nobody of its revisions (tests). */
    FileProfileStore(Path dir) {
        this(dir, () -> { });
    }

    FileProfileStore(Path dir, Runnable onRevision) {
        this.dir = dir;
        this.onRevision = onRevision;
    }

    /** Moves the store to {@code next} (a new revision when it differs). */
    void moveTo(Path next) {
        if (!next.equals(dir)) {
            dir = next;
            bump();
        }
    }

    long revision() {
        return revision.get();
    }

    Path dir() {
        return dir;
    }

    Path file(String familyId, String backendId, String extension) {
        return dir.resolve(safe(familyId)).resolve(safe(backendId) + "." + extension);
    }

    @Override
    public Optional<LatencyProfile> find(String familyId, String backendId) {
        Path json = file(familyId, backendId, "json");
        try {
            return Optional.of(ProfileJson.read(Files.readString(json, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "profile " + json + " ignored: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Writes the JSON (atomically), then the plot and the report; the revision is bumped once the JSON is in. */
    @Override
    public void save(LatencyProfile profile) throws IOException {
        Path json = file(profile.familyId(), profile.backendId(), "json");
        Files.createDirectories(json.getParent());
        Path tmp = json.resolveSibling(json.getFileName() + ".tmp");
        Files.writeString(tmp, ProfileJson.write(profile), StandardCharsets.UTF_8);
        Files.move(tmp, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        bump();
        Path png = file(profile.familyId(), profile.backendId(), "png");
        ProfilePlot.write(profile, png);
        Files.writeString(file(profile.familyId(), profile.backendId(), "md"),
            ProfileReport.markdown(profile, png.getFileName().toString()), StandardCharsets.UTF_8);
        LOG.log(Level.DEBUG, "profile of {0} on {1} saved to {2}", profile.familyId(), profile.backendId(), json);
    }

    @Override
    public List<String> locations(String familyId, String backendId) {
        return Stream.of("json", "png", "md").map(ext -> file(familyId, backendId, ext)).filter(Files::isRegularFile)
            .map(p -> p.toAbsolutePath().normalize().toString()).toList();
    }

    private void bump() {
        revision.incrementAndGet();
        onRevision.run();
    }

    /** A file-name-safe form of an id. */
    static String safe(String id) {
        String s = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }
}
