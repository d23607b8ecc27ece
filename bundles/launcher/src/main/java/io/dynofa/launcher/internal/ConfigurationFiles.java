package io.dynofa.launcher.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The configuration files FileInstall reads at start: the {@code .cfg} and {@code .config} files directly in
 * its folders ({@code felix.fileinstall.dir}, comma-separated), not hidden, matching {@code felix.fileinstall.filter}
 * when one is set. Paths are absolute and normalised, as FileInstall names them in the configurations it creates.
 */
final class ConfigurationFiles {
    private ConfigurationFiles() {
    }

    /** The configuration files in {@code dirs} (a FileInstall folder list; a missing folder has none). */
    static Set<Path> in(String dirs, String filter) {
        Set<Path> files = new TreeSet<>();
        Pattern accepted = pattern(filter);
        for (String dir : ConfigurationFirst.names(dirs)) {
            Path folder = Path.of(dir).toAbsolutePath().normalize();
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                for (Path entry : entries) {
                    if (isConfiguration(entry, accepted)) {
                        files.add(entry);
                    }
                }
            } catch (IOException e) {
                // unreadable: FileInstall cannot read it either
            }
        }
        return files;
    }

    private static boolean isConfiguration(Path entry, Pattern accepted) {
        String name = entry.getFileName().toString();
        return !name.startsWith(".") && (name.endsWith(".cfg") || name.endsWith(".config"))
            && (accepted == null || accepted.matcher(name).matches()) && Files.isRegularFile(entry);
    }

    private static Pattern pattern(String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        try {
            return Pattern.compile(filter);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }
}
