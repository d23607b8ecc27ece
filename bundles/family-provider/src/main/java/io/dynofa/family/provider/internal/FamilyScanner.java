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
 * once. Not thread-safe: call {@link #scan()} and {@link #close()} from one thread.
 */
public final class FamilyScanner implements AutoCloseable {
    private static final Logger LOG = System.getLogger(FamilyScanner.class.getName());

    private record Offered(ManifestSnapshot.Stamp stamp, DirectoryFamily family,
                           FamilyRegistry.Registration registration) {
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
        Map<Path, ManifestSnapshot> present = readManifests(folders);
        withdrawGoneOrChanged(present);
        present.forEach((folder, snapshot) -> {
            if (!offered.containsKey(folder)) {
                offer(folder, snapshot);
            }
        });
    }

    /** The folders (and the models folder itself) currently not offered, with the reason. */
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

    private Map<Path, ManifestSnapshot> readManifests(List<Path> folders) {
        Map<Path, ManifestSnapshot> manifests = new TreeMap<>();
        for (Path folder : folders) {
            try {
                manifests.put(folder, ManifestSnapshot.read(folder.resolve(ManifestReader.FILE_NAME)));
            } catch (IOException e) {
                report(folder, ManifestReader.FILE_NAME + ": unreadable (" + e + ")");
            }
        }
        return manifests;
    }

    private void withdrawGoneOrChanged(Map<Path, ManifestSnapshot> present) {
        for (Iterator<Map.Entry<Path, Offered>> it = offered.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, Offered> entry = it.next();
            ManifestSnapshot now = present.get(entry.getKey());
            if (now == null || !now.stamp().equals(entry.getValue().stamp())) {
                entry.getValue().registration().unregister();
                it.remove();
                LOG.log(Level.INFO, "model family ''{0}'' withdrawn: manifest in {1} {2}",
                    entry.getValue().family().id(), entry.getKey(), now == null ? "removed" : "changed");
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
        Path holder = folderOffering(family.id());
        if (holder != null) {
            report(folder, "family id '" + family.id() + "' is already provided by " + holder);
            return;
        }
        offered.put(folder, new Offered(snapshot.stamp(), family, registry.register(family)));
        problems.remove(folder);
        LOG.log(Level.INFO, "model family ''{0}'' {1} offered from {2} ({3} levels)",
            family.id(), family.version(), folder, family.levels().size());
    }

    private Path folderOffering(String familyId) {
        return offered.entrySet().stream().filter(entry -> entry.getValue().family().id().equals(familyId))
            .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private void report(Path folder, String reason) {
        if (!reason.equals(problems.put(folder, reason))) {
            LOG.log(Level.WARNING, "{0} not offered as a model family: {1}", folder, reason);
        }
    }
}
