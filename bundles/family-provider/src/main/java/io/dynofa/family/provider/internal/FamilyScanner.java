package io.dynofa.family.provider.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Keeps a {@link FamilyRegistry} in step with the family folders ({@code <modelsDir>/<folder>/manifest.json})
 * each time {@link #scan()} runs: offers valid new families, withdraws removed ones, re-offers ones
 * whose manifest changed. A folder with any problem is not offered; each distinct problem is logged
 * once. A bad edit never stops serving: when the manifest of an offered family changes into one that
 * cannot be used (unreadable, too large, invalid, a wrong hash, a clashing id), the last good family
 * stays offered and the problem is reported for its folder until a good manifest appears.
 * Not thread-safe: call {@link #scan()} and {@link #close()} from one thread.
 */
public final class FamilyScanner implements AutoCloseable {
    private static final Logger LOG = System.getLogger(FamilyScanner.class.getName());

    private record Offered(ManifestSnapshot.Stamp stamp, DirectoryFamily family,
                           FamilyRegistry.Registration registration) {
    }

    /** A folder's manifest as read this scan: its snapshot, or why it could not be read. */
    private record Reading(ManifestSnapshot snapshot, String failure) {
    }

    private final Path modelsDir;
    private final FamilyRegistry registry;
    private final Map<Path, Offered> offered = new TreeMap<>();
    private final Map<Path, String> problems = new TreeMap<>();

    public FamilyScanner(Path modelsDir, FamilyRegistry registry) {
        this.modelsDir = modelsDir;
        this.registry = registry;
    }

    public void scan() {
        List<Path> folders;
        try {
            folders = familyFolders();
        } catch (IOException | RuntimeException e) {
            report(modelsDir, "models folder cannot be listed: " + e);
            return;
        }
        problems.keySet().removeIf(folder -> !folder.equals(modelsDir) && !folders.contains(folder));
        Map<Path, Reading> present = readManifests(folders);
        withdrawGone(present);
        present.forEach((folder, reading) -> {
            Offered current = offered.get(folder);
            if (current == null) {
                if (reading.failure() != null) {
                    report(folder, reading.failure());
                } else {
                    offer(folder, reading.snapshot());
                }
            } else if (reading.failure() != null) {
                keepLastGood(folder, current, reading.failure());
            } else if (reading.snapshot().stamp().sha256().equals(current.stamp().sha256())) {
                // the same manifest (touched, or a bad edit reverted): the same family, nothing to reload
                offered.put(folder, new Offered(reading.snapshot().stamp(), current.family(), current.registration()));
                problems.remove(folder);
            } else {
                replace(folder, current, reading.snapshot());
            }
        });
    }

    /**
     * The folders (and the models folder itself) with a problem, with the reason: not offered, or offered
     * in their last good version while the current manifest cannot be used.
     */
    public Map<Path, String> problems() {
        return Collections.unmodifiableMap(new TreeMap<>(problems));
    }

    /** Withdraws every offered family. */
    @Override
    public void close() {
        offered.values().forEach(entry -> entry.registration().unregister());
        offered.clear();
    }

    private List<Path> familyFolders() throws IOException {
        if (!Files.isDirectory(modelsDir)) {
            report(modelsDir, "models folder does not exist");
            return List.of();
        }
        try (Stream<Path> folders = Files.list(modelsDir)) {
            List<Path> result = folders.filter(folder -> Files.isRegularFile(folder.resolve(ManifestReader.FILE_NAME)))
                .sorted().toList();
            problems.remove(modelsDir);
            return result;
        }
    }

    private Map<Path, Reading> readManifests(List<Path> folders) {
        Map<Path, Reading> manifests = new TreeMap<>();
        for (Path folder : folders) {
            try {
                manifests.put(folder, new Reading(ManifestSnapshot.read(folder.resolve(ManifestReader.FILE_NAME)),
                    null));
            } catch (IOException e) {
                manifests.put(folder, new Reading(null, e.getMessage()));
            }
        }
        return manifests;
    }

    private void withdrawGone(Map<Path, Reading> present) {
        for (Iterator<Map.Entry<Path, Offered>> it = offered.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, Offered> entry = it.next();
            if (!present.containsKey(entry.getKey())) {
                entry.getValue().registration().unregister();
                it.remove();
                LOG.log(Level.INFO, "model family ''{0}'' withdrawn: manifest in {1} removed",
                    entry.getValue().family().id(), entry.getKey());
            }
        }
    }

    private void offer(Path folder, ManifestSnapshot snapshot) {
        DirectoryFamily family;
        try {
            family = DirectoryFamily.open(folder, snapshot.text());
        } catch (FamilyException e) {
            report(folder, e.getMessage());
            return;
        }
        Path holder = folderOffering(family.id(), folder);
        if (holder != null) {
            report(folder, alreadyProvided(family, holder));
            return;
        }
        register(folder, snapshot, family);
        LOG.log(Level.INFO, "model family ''{0}'' {1} offered from {2} ({3} levels)",
            family.id(), family.version(), folder, family.levels().size());
    }

    /** The offered family's manifest changed: offers the new version, or keeps the old one if the new is bad. */
    private void replace(Path folder, Offered current, ManifestSnapshot snapshot) {
        DirectoryFamily family;
        try {
            family = DirectoryFamily.open(folder, snapshot.text());
        } catch (FamilyException e) {
            keepLastGood(folder, current, e.getMessage());
            return;
        }
        Path holder = folderOffering(family.id(), folder);
        if (holder != null) {
            keepLastGood(folder, current, alreadyProvided(family, holder));
            return;
        }
        current.registration().unregister();
        register(folder, snapshot, family);
        LOG.log(Level.INFO, "model family ''{0}'' {1} from {2} replaced by ''{3}'' {4} ({5} levels)",
            current.family().id(), current.family().version(), folder, family.id(), family.version(),
            family.levels().size());
    }

    private void register(Path folder, ManifestSnapshot snapshot, DirectoryFamily family) {
        offered.put(folder, new Offered(snapshot.stamp(), family, registry.register(family)));
        problems.remove(folder);
    }

    private void keepLastGood(Path folder, Offered current, String reason) {
        report(folder, ManifestReader.FILE_NAME + " changed but is invalid: " + reason
            + "; keeping the last good version " + current.family().version());
    }

    private static String alreadyProvided(DirectoryFamily family, Path holder) {
        return "family id '" + family.id() + "' is already provided by " + holder;
    }

    private Path folderOffering(String familyId, Path except) {
        return offered.entrySet().stream().filter(entry -> !entry.getKey().equals(except)
                && entry.getValue().family().id().equals(familyId))
            .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private void report(Path folder, String reason) {
        if (!reason.equals(problems.put(folder, reason))) {
            LOG.log(Level.WARNING, offered.containsKey(folder) ? "{0}: {1}" : "{0} not offered as a model family: {1}",
                folder, reason);
        }
    }
}
